package dev.bulletproof.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulletproof.model.ErrorModel;
import dev.bulletproof.model.JobLogModel;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Turns the daemon's answers into values, and its refusals into {@link ApiException}s. */
final class ResponseReader {

    private static final int SNIPPET = 200;

    private final ObjectMapper json;
    private final URI baseUrl;

    ResponseReader(ObjectMapper json, URI baseUrl) {
        this.json = json;
        this.baseUrl = baseUrl;
    }

    <T> T read(HttpResponse<String> response, Class<T> type) {
        expectSuccess(response);
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw unexpected(response, e);
        }
    }

    /** Like {@link #read(HttpResponse, Class)}, also reading the body of a 503 answer. */
    <T> T readEvenIfUnavailable(HttpResponse<String> response, Class<T> type) {
        if (response.statusCode() != 503) {
            return read(response, type);
        }
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            expectSuccess(response); // not a health answer: report the 503 as any other
            throw unexpected(response, e);
        }
    }

    <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        expectSuccess(response);
        try {
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw unexpected(response, e);
        }
    }

    /** Accepts the log as a JSON object, a JSON array of lines or plain text. */
    JobLogModel readLog(HttpResponse<String> response, String jobId) {
        expectSuccess(response);
        String body = response.body();
        boolean isJson = response.headers()
                .firstValue("Content-Type")
                .map(type -> type.toLowerCase().contains("json"))
                .orElse(false);
        if (!isJson) {
            return new JobLogModel(jobId, body.lines().toList(), false);
        }
        try {
            JsonNode node = json.readTree(body);
            if (node.isArray()) {
                List<String> lines = new ArrayList<>();
                node.forEach(line -> lines.add(line.asText()));
                return new JobLogModel(jobId, lines, false);
            }
            if (node.isTextual()) {
                return new JobLogModel(jobId, node.asText().lines().toList(), false);
            }
            JobLogModel log = json.treeToValue(node, JobLogModel.class);
            return new JobLogModel(
                    log.jobId() == null ? jobId : log.jobId(),
                    log.lines() == null ? List.of() : log.lines(),
                    log.truncated());
        } catch (JsonProcessingException e) {
            throw unexpected(response, e);
        }
    }

    void expectSuccess(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        throw refusal(response);
    }

    /** The daemon's error body when it sent one; otherwise the status and the start of whatever came back. */
    ApiException refusal(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        try {
            ErrorModel error = json.readValue(body, ErrorModel.class);
            if (error != null && error.message() != null) {
                return new ApiException(
                        status,
                        error.error() == null ? "http_" + status : error.error(),
                        error.message(),
                        error.fields(),
                        null);
            }
        } catch (JsonProcessingException notAnErrorBody) {
            // Not from the daemon's error handler (a proxy, another program on the port): described below.
        }
        String detail = body.isBlank() ? "" : ": " + snippet(body);
        return new ApiException(
                status, "http_" + status, "the daemon at " + baseUrl + " answered HTTP " + status + detail);
    }

    private ApiException unexpected(HttpResponse<String> response, JsonProcessingException e) {
        return new ApiException(
                response.statusCode(),
                "unexpected_response",
                "unexpected answer from the daemon at " + baseUrl + " to "
                        + response.request().uri().getPath() + ": " + e.getOriginalMessage(),
                null,
                e);
    }

    private static String snippet(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "...";
    }
}
