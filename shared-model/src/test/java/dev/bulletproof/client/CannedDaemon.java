package dev.bulletproof.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on a free loopback port that answers each path with a fixed response and records requests. */
final class CannedDaemon implements AutoCloseable {

    record Answer(int status, String contentType, String body, Map<String, String> headers) {}

    record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {}

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    CannedDaemon() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    CannedDaemon json(String methodAndPath, int status, String body) {
        return respond(methodAndPath, new Answer(status, "application/json", body, Map.of()));
    }

    CannedDaemon respond(String methodAndPath, Answer answer) {
        answers.put(methodAndPath, answer);
        return this;
    }

    Received last() {
        return received.getLast();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        received.add(new Received(
                exchange.getRequestMethod(),
                query == null ? path : path + "?" + query,
                Map.copyOf(exchange.getRequestHeaders()),
                body));
        Answer answer = answers.getOrDefault(
                exchange.getRequestMethod() + " " + path,
                new Answer(404, "application/json", "{\"error\":\"not_found\",\"message\":\"no route\"}", Map.of()));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
