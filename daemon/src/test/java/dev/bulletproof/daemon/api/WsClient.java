package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bulletproof.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client that records every message it receives, with the time it arrived. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    record Received(JsonNode message, long nanos) {}

    final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    final List<Received> all = new CopyOnWriteArrayList<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    static WsClient connect(ApiFixture api) {
        return connect(api, api.token);
    }

    static WsClient connect(ApiFixture api, String token) {
        return connect(api, token, "127.0.0.1");
    }

    /** Connects to {@code address}, which the client also sends as the Host. */
    static WsClient connect(ApiFixture api, String token, String address) {
        return connect(api.server.port(), token, address);
    }

    static WsClient connect(int port, String token, String address) {
        WsClient client = new WsClient();
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        client.socket = builder.buildAsync(URI.create("ws://" + address + ":" + port + "/ws/updates"), client)
                .join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                Received received = new Received(Json.mapper().readTree(partial.toString()), System.nanoTime());
                all.add(received);
                inbox.add(received);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete("error " + error);
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** The next message matching, skipping others; fails after the limit. */
    JsonNode await(Predicate<JsonNode> wanted, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Received next = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError(
                            "no matching message within " + limit + "; received " + all.size() + " messages");
                }
                if (wanted.test(next.message())) {
                    return next.message();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Predicate<JsonNode> type(String type) {
        return message -> message.path("type").asText().equals(type);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
