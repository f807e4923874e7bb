package dev.bulletproof.client;

import dev.bulletproof.model.JobStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The filters of {@code GET /api/jobs}; null or empty means "any". Built with the {@code with...}
 * methods from {@link #all()}.
 *
 * @param text matched against file names ({@code q})
 * @param before only jobs older than this job id, for paging back through a long history
 * @param sort the daemon's order, such as {@code filename} or {@code -finished}; null means newest first
 * @param folder only jobs of this watch folder, named by its path as the config gives it
 */
public record JobQuery(
        Set<JobStatus> statuses,
        String text,
        String profile,
        Integer limit,
        Integer offset,
        String before,
        String sort,
        String folder) {

    public JobQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Newest first. */
    public JobQuery(
            Set<JobStatus> statuses, String text, String profile, Integer limit, Integer offset, String before) {
        this(statuses, text, profile, limit, offset, before, null, null);
    }

    public static JobQuery all() {
        return new JobQuery(Set.of(), null, null, null, null, null, null, null);
    }

    public JobQuery withStatuses(Set<JobStatus> value) {
        return new JobQuery(value, text, profile, limit, offset, before, sort, folder);
    }

    public JobQuery withText(String value) {
        return new JobQuery(statuses, value, profile, limit, offset, before, sort, folder);
    }

    public JobQuery withProfile(String value) {
        return new JobQuery(statuses, text, value, limit, offset, before, sort, folder);
    }

    public JobQuery withLimit(Integer value) {
        return new JobQuery(statuses, text, profile, value, offset, before, sort, folder);
    }

    public JobQuery withOffset(Integer value) {
        return new JobQuery(statuses, text, profile, limit, value, before, sort, folder);
    }

    public JobQuery withBefore(String value) {
        return new JobQuery(statuses, text, profile, limit, offset, value, sort, folder);
    }

    /** Sorted by the daemon over every page: {@code filename} ascending, {@code -finished} descending. */
    public JobQuery withSort(String value) {
        return new JobQuery(statuses, text, profile, limit, offset, before, value, folder);
    }

    /** Only the jobs of one watch folder (its path as configured); null or blank means every folder. */
    public JobQuery withFolder(String value) {
        return new JobQuery(statuses, text, profile, limit, offset, before, sort, value);
    }

    /** The URL query string, without the leading "?"; empty when nothing is filtered. */
    public String toQueryString() {
        List<String> parts = new ArrayList<>();
        if (!statuses.isEmpty()) {
            // Sorted so the same query always makes the same URL.
            String names =
                    new TreeSet<>(statuses).stream().map(JobStatus::wireName).collect(Collectors.joining(","));
            // Wire names are plain lowercase words, so the commas between them stay readable.
            parts.add("status=" + names);
        }
        addIfPresent(parts, "q", text);
        addIfPresent(parts, "profile", profile);
        addIfPresent(parts, "limit", limit);
        addIfPresent(parts, "offset", offset);
        addIfPresent(parts, "before", before);
        addIfPresent(parts, "sort", sort);
        addIfPresent(parts, "folder", folder);
        return String.join("&", parts);
    }

    private static void addIfPresent(List<String> parts, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parts.add(parameter(name, value.toString()));
        }
    }

    private static String parameter(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
