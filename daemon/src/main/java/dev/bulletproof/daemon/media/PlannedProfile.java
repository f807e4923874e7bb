package dev.bulletproof.daemon.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulletproof.model.Json;
import java.util.Optional;

/**
 * A profile as the job row keeps it: every field, in JSON, written when the job is queued. The node that
 * runs the job encodes with this definition, not with whatever its own config file calls by that name, so
 * every node of a cluster runs a job the same way (and a profile edited after a file was queued does not
 * change the jobs already waiting).
 */
public final class PlannedProfile {

    private static final ObjectMapper JSON = Json.mapper();

    private PlannedProfile() {}

    public static String toJson(Profile profile) {
        try {
            return JSON.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a profile could not be written as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The profile written by {@link #toJson}, or empty when the text cannot be read as one (a row from a
     * newer version with a shape this one does not know): the caller then falls back to the name.
     */
    public static Optional<Profile> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            Profile profile = JSON.readValue(json, Profile.class);
            return profile.name() == null || profile.extension() == null ? Optional.empty() : Optional.of(profile);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
