package dev.bulletproof.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulletproof.model.BulkActionModel;
import dev.bulletproof.model.BulkActionRequest;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.EnqueueRequest;
import dev.bulletproof.model.HealthModel;
import dev.bulletproof.model.HistoryBucketModel;
import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobLogModel;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.Json;
import dev.bulletproof.model.NodeModel;
import dev.bulletproof.model.PriorityRequest;
import dev.bulletproof.model.ProfileModel;
import dev.bulletproof.model.QueueModel;
import dev.bulletproof.model.RuleTestModel;
import dev.bulletproof.model.RuleTestRequest;
import dev.bulletproof.model.ScheduleModel;
import dev.bulletproof.model.ScheduleOverrideRequest;
import dev.bulletproof.model.StatsModel;
import dev.bulletproof.model.TimelinePointModel;
import dev.bulletproof.model.WebhookDeliveryModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The daemon's HTTP API for Java callers: the desktop client and the remote CLI verbs. One method per
 * endpoint; every failure arrives as an {@link ApiException} whose message says what went wrong and
 * where, never as a bare {@link IOException}. Thread-safe; share one instance.
 */
public final class BulletproofClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final TypeReference<List<JobModel>> JOB_LIST = new TypeReference<>() {};
    private static final TypeReference<List<ProfileModel>> PROFILE_LIST = new TypeReference<>() {};
    private static final TypeReference<List<WebhookDeliveryModel>> WEBHOOK_DELIVERY_LIST = new TypeReference<>() {};
    private static final TypeReference<List<HistoryBucketModel>> BUCKET_LIST = new TypeReference<>() {};
    private static final TypeReference<List<TimelinePointModel>> POINT_LIST = new TypeReference<>() {};
    private static final TypeReference<List<NodeModel>> NODE_LIST = new TypeReference<>() {};

    private final URI baseUrl;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = Json.mapper();
    private final ResponseReader responses;

    /**
     * @param baseUrl such as {@code http://127.0.0.1:8000}
     * @param token the API token; null when the daemon runs with {@code auth: none}
     */
    public BulletproofClient(URI baseUrl, String token) {
        this.baseUrl = withoutTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.responses = new ResponseReader(json, this.baseUrl);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    // Jobs

    public Page<JobModel> listJobs(JobQuery query) {
        String parameters = query == null ? "" : query.toQueryString();
        HttpResponse<String> response = send(get("/api/jobs" + (parameters.isEmpty() ? "" : "?" + parameters)));
        List<JobModel> jobs = responses.read(response, JOB_LIST);
        long total = response.headers()
                .firstValue("X-Total-Count")
                .map(value -> parseTotal(value, jobs.size()))
                .orElse((long) jobs.size());
        return new Page<>(jobs, total);
    }

    public JobModel job(String id) {
        return responses.read(send(get(jobPath(id))), JobModel.class);
    }

    /** Forgets a finished job; its input and output files stay where they are. */
    public void deleteJob(String id) {
        responses.expectSuccess(send(delete(jobPath(id))));
    }

    public JobModel pause(String id) {
        return jobAction(id, "pause");
    }

    public JobModel resume(String id) {
        return jobAction(id, "resume");
    }

    public JobModel cancel(String id) {
        return jobAction(id, "cancel");
    }

    public JobModel retry(String id) {
        return jobAction(id, "retry");
    }

    /**
     * One action for several jobs at once ({@code POST /api/jobs/actions}); each job is changed on its own,
     * and one whose state does not allow the action comes back refused with the reason, not as an error.
     */
    public BulkActionModel bulkAction(JobAction action, List<String> ids) {
        List<Long> numbers = ids.stream().map(id -> Long.valueOf(id.strip())).toList();
        return responses.read(
                send(post("/api/jobs/actions", new BulkActionRequest(action, numbers))), BulkActionModel.class);
    }

    public JobModel setPriority(String id, int priority) {
        return responses.read(send(post(jobPath(id) + "/priority", new PriorityRequest(priority))), JobModel.class);
    }

    /** The last {@code lines} lines of the job's ffmpeg log. */
    public JobLogModel log(String id, int lines) {
        return responses.readLog(send(get(jobPath(id) + "/log?lines=" + lines)), id);
    }

    /**
     * The whole ffmpeg log of the job, as the web dashboard's log view and its download read it; {@code
     * truncated} when the log outgrew the daemon's cap and only its end came back.
     */
    public JobLogModel fullLog(String id) {
        HttpRequest request = request(jobPath(id) + "/log?full=true")
                .setHeader("Accept", "text/plain")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        JobLogModel log = responses.readLog(response, id);
        boolean truncated = response.headers()
                .firstValue("X-Log-Truncated")
                .map(Boolean::parseBoolean)
                .orElse(false);
        return new JobLogModel(log.jobId(), log.lines(), truncated);
    }

    /**
     * The job's poster frame as JPEG bytes, or empty when the daemon made none (an audio-only file, or a
     * job queued before the probe ran).
     */
    public Optional<byte[]> thumbnail(String id) {
        HttpRequest request = request(jobPath(id) + "/thumbnail")
                .setHeader("Accept", "image/jpeg")
                .GET()
                .build();
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        return switch (response.statusCode()) {
            case 200 -> Optional.of(response.body());
            case 404 -> Optional.empty();
            default ->
                throw new ApiException(
                        response.statusCode(),
                        "http_" + response.statusCode(),
                        "the daemon refused the thumbnail of job " + id + " (HTTP " + response.statusCode() + ")");
        };
    }

    /** Queues a file that is already on the daemon's disk (an absolute path there) with a profile. */
    public JobModel enqueue(String path, String profile) {
        return enqueue(new EnqueueRequest(path, profile));
    }

    /** Like {@link #enqueue(String, String)}, optionally with an output name relative to the output folder. */
    public JobModel enqueue(EnqueueRequest request) {
        return responses.read(send(post("/api/jobs", request)), JobModel.class);
    }

    // Statistics

    public StatsModel stats() {
        return responses.read(send(get("/api/stats")), StatsModel.class);
    }

    /** @param bucket "hour" or "day" */
    public List<HistoryBucketModel> history(Instant from, Instant to, String bucket) {
        return responses.read(
                send(get("/api/stats/history?" + range(from, to) + "&bucket=" + encode(bucket))), BUCKET_LIST);
    }

    /** Finished jobs in the range, oldest first, as many as the daemon sends by default. */
    public List<TimelinePointModel> timeline(Instant from, Instant to) {
        return responses.read(send(get("/api/stats/timeline?" + range(from, to))), POINT_LIST);
    }

    /** Finished jobs in the range, oldest first, at most {@code limit}. */
    public List<TimelinePointModel> timeline(Instant from, Instant to, int limit) {
        return responses.read(send(get("/api/stats/timeline?" + range(from, to) + "&limit=" + limit)), POINT_LIST);
    }

    // Configuration, profiles, rules

    public ConfigModel config() {
        return responses.read(send(get("/api/config")), ConfigModel.class);
    }

    /** Validates, saves and applies the whole configuration; a refusal carries per-field messages. */
    public ConfigModel saveConfig(ConfigModel config) {
        return responses.read(send(post("/api/config", config)), ConfigModel.class);
    }

    public ConfigModel resetConfig() {
        return responses.read(send(delete("/api/config/reset")), ConfigModel.class);
    }

    public List<ProfileModel> profiles() {
        return responses.read(send(get("/api/profiles")), PROFILE_LIST);
    }

    /** Which rule, profile and output name a file of this name would get, and why. */
    public RuleTestModel testRule(String filename) {
        return responses.read(send(post("/api/rules/test", new RuleTestRequest(filename))), RuleTestModel.class);
    }

    // Queue and health

    public QueueModel queue() {
        return responses.read(send(get("/api/queue")), QueueModel.class);
    }

    /** Stops starting new jobs; running ones carry on. */
    public QueueModel pauseQueue() {
        return responses.read(send(post("/api/queue/pause", null)), QueueModel.class);
    }

    public QueueModel resumeQueue() {
        return responses.read(send(post("/api/queue/resume", null)), QueueModel.class);
    }

    // Webhooks

    /** The latest webhook deliveries, newest first. */
    public List<WebhookDeliveryModel> webhookDeliveries() {
        return responses.read(send(get("/api/webhooks/deliveries")), WEBHOOK_DELIVERY_LIST);
    }

    /** Queues a test event for every configured endpoint; answers the deliveries it queued. */
    public List<WebhookDeliveryModel> sendTestWebhook() {
        return responses.read(send(post("/api/webhooks/test", null)), WEBHOOK_DELIVERY_LIST);
    }

    /** Finish the running jobs, then pause: the answer says "draining", or "paused" when nothing ran. */
    public QueueModel drainQueue() {
        return responses.read(send(post("/api/queue/drain", null)), QueueModel.class);
    }

    // Schedule

    /** What the schedule says now, and when that changes next. */
    public ScheduleModel schedule() {
        return responses.read(send(get("/api/schedule")), ScheduleModel.class);
    }

    /** "Run now" or "hold" until a time or for a while, whatever the windows say; kept across a restart. */
    public ScheduleModel overrideSchedule(ScheduleOverrideRequest request) {
        return responses.read(send(post("/api/schedule/override", request)), ScheduleModel.class);
    }

    /** Ends the override: the windows decide again. */
    public ScheduleModel clearScheduleOverride() {
        return responses.read(send(delete("/api/schedule/override")), ScheduleModel.class);
    }

    /** Ends one folder's own override: its windows (or the global override) decide again. */
    public ScheduleModel clearFolderScheduleOverride(String folder) {
        return responses.read(
                send(delete("/api/schedule/override?folder="
                        + java.net.URLEncoder.encode(folder, java.nio.charset.StandardCharsets.UTF_8))),
                ScheduleModel.class);
    }

    // Nodes

    /** Every node of the cluster; a single machine is the one node. */
    public List<NodeModel> nodes() {
        return responses.read(send(get("/api/nodes")), NODE_LIST);
    }

    /** Stops one node from starting new jobs; its running jobs carry on. */
    public NodeModel pauseNode(String id) {
        return responses.read(send(post("/api/nodes/" + encode(id.strip()) + "/pause", null)), NodeModel.class);
    }

    public NodeModel resumeNode(String id) {
        return responses.read(send(post("/api/nodes/" + encode(id.strip()) + "/resume", null)), NodeModel.class);
    }

    /** Pauses every node of the cluster (each applies it at its next heartbeat); the nodes as asked to be. */
    public List<NodeModel> pauseCluster() {
        return responses.read(send(post("/api/nodes/pause", null)), NODE_LIST);
    }

    public List<NodeModel> resumeCluster() {
        return responses.read(send(post("/api/nodes/resume", null)), NODE_LIST);
    }

    /** The daemon's health; a failing daemon answers 503 with the same body, which is returned too. */
    public HealthModel health() {
        return responses.readEvenIfUnavailable(send(get("/api/health")), HealthModel.class);
    }

    // Live updates

    /**
     * Opens {@code /ws/updates} in the background and keeps it open, reconnecting after any loss until
     * the subscription is closed. Messages arrive on the connection's thread.
     */
    public UpdatesSubscription subscribe(Consumer<ServerMessage> onMessage, ConnectionListener listener) {
        UpdatesSubscription subscription = new UpdatesSubscription(
                updatesUri(), token, onMessage, listener == null ? ConnectionListener.NONE : listener);
        subscription.start();
        return subscription;
    }

    URI updatesUri() {
        String scheme = "https".equalsIgnoreCase(baseUrl.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + baseUrl.getRawAuthority() + basePath() + "/ws/updates");
    }

    private JobModel jobAction(String id, String action) {
        return responses.read(send(post(jobPath(id) + "/" + action, null)), JobModel.class);
    }

    private static String jobPath(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a job id is required");
        }
        return "/api/jobs/" + encode(id.strip());
    }

    private static String range(Instant from, Instant to) {
        return "from=" + encode(from.toString()) + "&to=" + encode(to.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static long parseTotal(String header, long fallback) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    /** Every state change goes out as JSON, even without a body: the daemon refuses other content types. */
    private HttpRequest post(String path, Object body) {
        String text;
        try {
            text = body == null ? "{}" : json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON: " + e.getMessage(), e);
        }
        return request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build();
    }

    /** A DELETE has no body, but it changes state, so it is declared JSON like every other state change. */
    private HttpRequest delete(String path) {
        return request(path).header("Content-Type", "application/json").DELETE().build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        return exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (HttpConnectTimeoutException e) {
            throw new DaemonUnreachableException(baseUrl, "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw new DaemonUnreachableException(
                    baseUrl,
                    "no answer to " + request.uri().getPath() + " within " + REQUEST_TIMEOUT.toSeconds() + " s",
                    e);
        } catch (ConnectException e) {
            throw new DaemonUnreachableException(baseUrl, "connection refused", e);
        } catch (IOException e) {
            throw new DaemonUnreachableException(baseUrl, describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(
                    ApiException.NO_RESPONSE,
                    "interrupted",
                    "interrupted while waiting for the daemon at " + baseUrl,
                    null,
                    e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private String basePath() {
        String path = baseUrl.getRawPath();
        return path == null ? "" : path;
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
