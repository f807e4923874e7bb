package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobCommands;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobQueries;
import dev.bulletproof.daemon.jobs.JobSort;
import dev.bulletproof.daemon.media.Thumbnailer;
import dev.bulletproof.model.JobStatus;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/** /api/jobs: list, detail, controls, logs and ad-hoc jobs. */
final class JobsService implements HttpService {

    static final int MAX_LIMIT = 1000;
    private static final Set<String> PRIORITY_KEYS = Set.of("priority");
    private static final Set<String> AD_HOC_KEYS = Set.of("path", "profile", "output");
    private static final HeaderName LOG_TRUNCATED = HeaderNames.create("X-Log-Truncated");

    private final ApiContext context;
    private final JobQueries jobs;
    private final ClusterNodes nodes;
    private final JobCommands commands;
    private final JobLogs logs;
    private final JobCounts counts;
    private final BulkJobActions bulk;

    JobsService(ApiContext context) {
        this.context = context;
        this.jobs = context.jobs();
        this.nodes = context.nodes();
        this.commands = context.jobCommands();
        this.logs = new JobLogs(context.engine().jobLog());
        this.counts = new JobCounts(jobs, context.engine().bus());
        this.bulk = new BulkJobActions(commands, jobs, nodes);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/jobs", this::list)
                .post("/api/jobs", this::create)
                .post("/api/jobs/actions", this::bulk)
                .get("/api/jobs/{id}", this::get)
                .delete("/api/jobs/{id}", this::delete)
                .post("/api/jobs/{id}/pause", (req, res) -> control(req, res, commands::pause))
                .post("/api/jobs/{id}/resume", (req, res) -> control(req, res, commands::resume))
                .post("/api/jobs/{id}/cancel", (req, res) -> control(req, res, commands::cancel))
                .post("/api/jobs/{id}/retry", (req, res) -> control(req, res, commands::retry))
                .post("/api/jobs/{id}/priority", this::priority)
                .get("/api/jobs/{id}/log", this::log)
                .get("/api/jobs/{id}/segments", this::segments)
                .get("/api/jobs/{id}/thumbnail", this::thumbnail);
    }

    @Override
    public void afterStop() {
        counts.close();
    }

    private void list(ServerRequest request, ServerResponse response) {
        JobFilter filter = filterOf(request);
        List<Job> page = jobs.list(filter);
        response.header("X-Total-Count", Long.toString(counts.count(filter)));
        JsonBodies.send(response, JobViews.of(page, jobs, nodes));
    }

    private void bulk(ServerRequest request, ServerResponse response) {
        JsonBodies.send(response, bulk.apply(context.bodies().object(request, BulkJobActions.KEYS)));
    }

    private void get(ServerRequest request, ServerResponse response) {
        JsonBodies.send(response, JobViews.of(jobs.get(QueryParams.jobId(request)), jobs, nodes));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        long id = QueryParams.jobId(request);
        context.bodies().none(request);
        commands.delete(id);
        response.status(Status.NO_CONTENT_204).send();
    }

    private void control(ServerRequest request, ServerResponse response, LongFunction<Job> action) {
        long id = QueryParams.jobId(request);
        context.bodies().none(request);
        JsonBodies.send(response, JobViews.of(action.apply(id), jobs, nodes));
    }

    private void priority(ServerRequest request, ServerResponse response) {
        long id = QueryParams.jobId(request);
        JsonNode priority = context.bodies().object(request, PRIORITY_KEYS).get("priority");
        if (priority == null || !priority.isIntegralNumber() || !priority.canConvertToInt()) {
            throw ApiException.invalidField("priority", "must be a whole number");
        }
        JsonBodies.send(response, JobViews.of(commands.setPriority(id, priority.intValue()), jobs, nodes));
    }

    private void log(ServerRequest request, ServerResponse response) {
        long id = QueryParams.jobId(request);
        int lines = QueryParams.integer(request, "lines", JobLogs.DEFAULT_LINES, 1, JobLogs.MAX_LINES);
        boolean full = QueryParams.flag(request, "full");
        boolean download = QueryParams.flag(request, "download");
        jobs.get(id);
        response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (download) {
            response.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"bulletproof-job-" + id + ".log\"");
        }
        if (!full) {
            response.send(logs.tail(id, lines));
            return;
        }
        JobLogs.LogText log = logs.whole(id);
        response.header(LOG_TRUNCATED, Boolean.toString(log.truncated()));
        response.send(log.text());
    }

    private void segments(ServerRequest request, ServerResponse response) {
        long id = QueryParams.jobId(request);
        jobs.get(id);
        JsonBodies.send(
                response, JobViews.segmentsOf(id, context.engine().segments().apply(id)));
    }

    /**
     * The job's poster frame. It is made once and never changes, and job ids are never reused, so clients
     * may keep it as long as they like; private because it shows the user's media.
     */
    private void thumbnail(ServerRequest request, ServerResponse response) {
        long id = QueryParams.jobId(request);
        jobs.get(id);
        Path file = Thumbnailer.fileOf(context.engine().dataFolder(), id);
        byte[] image;
        try {
            image = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ApiException.notFound("job " + id + " has no thumbnail");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the thumbnail of job " + id, e);
        }
        response.header(HeaderNames.CONTENT_TYPE, "image/jpeg");
        response.header(HeaderNames.CACHE_CONTROL, "private, max-age=86400, immutable");
        response.send(image);
    }

    private void create(ServerRequest request, ServerResponse response) {
        ObjectNode body = context.bodies().object(request, AD_HOC_KEYS);
        Job job = commands.enqueue(text(body, "path", true), text(body, "profile", true), text(body, "output", false));
        JsonBodies.send(response, Status.CREATED_201, JobViews.of(job, jobs, nodes));
    }

    private static String text(ObjectNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiException.invalidField(field, "is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiException.invalidField(field, "must be a non-empty string");
        }
        return value.asText();
    }

    private static JobFilter filterOf(ServerRequest request) {
        int limit = QueryParams.integer(request, "limit", JobFilter.DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = QueryParams.integer(request, "offset", 0, 0, Integer.MAX_VALUE);
        JobFilter filter = new JobFilter(
                statuses(QueryParams.text(request, "status").orElse("")),
                QueryParams.text(request, "profile").filter(p -> !p.isBlank()).orElse(null),
                QueryParams.text(request, "q").orElse(null),
                null,
                limit,
                offset,
                sortOf(QueryParams.text(request, "sort").orElse("")),
                QueryParams.text(request, "folder").map(JobsService::folderKey).orElse(null));
        return QueryParams.longValue(request, "before").map(filter::before).orElse(filter);
    }

    /** A folder as jobs record it: its path, so "/media/drop/" finds the jobs of "/media/drop". */
    private static String folderKey(String text) {
        String path = text.strip();
        while (path.length() > 1 && (path.endsWith("/") || path.endsWith("\\"))) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /** {@code filename} ascending, {@code -finished} descending; empty means newest first. */
    private static JobSort sortOf(String text) {
        String wanted = text.strip();
        if (wanted.isEmpty()) {
            return JobSort.NEWEST_FIRST;
        }
        boolean descending = wanted.startsWith("-");
        String name = descending ? wanted.substring(1) : wanted;
        return JobSort.Key.fromWireName(name)
                .map(key -> new JobSort(key, descending))
                .orElseThrow(() -> ApiException.badParameter(
                        "sort",
                        "has an unknown key '" + QueryParams.shown(name) + "'; known: " + JobSort.Key.wireNames()
                                + ", each with a leading - for descending"));
    }

    private static Set<JobStatus> statuses(String commaSeparated) {
        Set<JobStatus> statuses = new LinkedHashSet<>();
        for (String name : commaSeparated.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                statuses.add(JobStatus.fromWire(name));
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter(
                        "status",
                        "has an unknown status '" + QueryParams.shown(name.strip()) + "'; known: "
                                + Arrays.stream(JobStatus.values())
                                        .map(JobStatus::wireName)
                                        .toList());
            }
        }
        return statuses;
    }
}
