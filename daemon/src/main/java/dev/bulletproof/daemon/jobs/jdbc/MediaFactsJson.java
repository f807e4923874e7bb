package dev.bulletproof.daemon.jobs.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bulletproof.model.Json;
import dev.bulletproof.model.MediaFacts;

/** The {@code media_facts} column: a job's {@link MediaFacts} as the same JSON the API sends. */
final class MediaFactsJson {

    private static final System.Logger LOG = System.getLogger(MediaFactsJson.class.getName());

    private MediaFactsJson() {}

    static String write(MediaFacts facts) {
        try {
            return facts == null ? null : Json.mapper().writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("media facts do not serialize", e);
        }
    }

    /** Unreadable text (written by a later version, or damaged) reads as "not probed": it is display only. */
    static MediaFacts read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(text, MediaFacts.class);
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable media facts: " + e.getOriginalMessage());
            return null;
        }
    }
}
