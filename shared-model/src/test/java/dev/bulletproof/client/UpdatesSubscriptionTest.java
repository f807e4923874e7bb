package dev.bulletproof.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.model.ws.ServerMessage;
import dev.bulletproof.testing.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reconnection against a real WebSocket server that goes away and comes back on the same port. */
class UpdatesSubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<ServerMessage> messages = new CopyOnWriteArrayList<>();
    private final int port = freePort();
    private TinyUpdatesServer server;
    private UpdatesSubscription subscription;

    @AfterEach
    void stop() throws InterruptedException {
        if (subscription != null) {
            subscription.close();
        }
        if (server != null) {
            server.stop(1000);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private TinyUpdatesServer startServer() throws InterruptedException {
        TinyUpdatesServer started = new TinyUpdatesServer(port);
        started.setReuseAddr(true);
        started.start();
        assertThat(started.ready.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return started;
    }

    private UpdatesSubscription subscribe(Duration pingInterval) {
        UpdatesSubscription started = new UpdatesSubscription(
                URI.create("ws://127.0.0.1:" + port + "/ws/updates"),
                "secret-token",
                messages::add,
                new ConnectionListener() {
                    @Override
                    public void connected() {
                        events.add("connected");
                    }

                    @Override
                    public void disconnected(String reason) {
                        events.add("disconnected");
                    }

                    @Override
                    public void reconnected() {
                        events.add("reconnected");
                    }
                },
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                pingInterval);
        started.start();
        return started;
    }

    private String nextEvent() throws InterruptedException {
        String event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("a connection event within " + WAIT).isNotNull();
        return event;
    }

    @Test
    void connectsWithTheTokenAndDeliversDecodedMessages() throws InterruptedException {
        server = startServer();
        subscription = subscribe(Duration.ofSeconds(20));

        assertThat(nextEvent()).isEqualTo("connected");
        assertThat(server.authorizations.take()).isEqualTo("Bearer secret-token");
        server.broadcast("{\"type\":\"queue_update\",\"paused\":true,\"max_workers\":3}");
        server.broadcast("{\"type\":\"something_newer\",\"x\":1}");
        server.broadcast("{\"type\":\"pong\"}");

        Await.until("the condition", () -> messages.size() == 2);
        assertThat(messages).containsExactly(new ServerMessage.QueueUpdate(true, 3), new ServerMessage.Pong());
    }

    @Test
    void aLostServerIsReportedOnceAndTheReturnIsAReconnect() throws InterruptedException {
        server = startServer();
        subscription = subscribe(Duration.ofSeconds(20));
        assertThat(nextEvent()).isEqualTo("connected");

        server.stop(1000);
        assertThat(nextEvent()).isEqualTo("disconnected");
        // Several attempts fail while nothing listens; none of them is reported again.
        Thread.sleep(500);
        assertThat(events).isEmpty();
        assertThat(subscription.isConnected()).isFalse();

        server = startServer();
        assertThat(nextEvent()).isEqualTo("reconnected");
        assertThat(subscription.isConnected()).isTrue();
    }

    @Test
    void pingsGoOutAndASilentServerIsReplaced() throws InterruptedException {
        server = startServer();
        server.answerPings = false;
        subscription = subscribe(Duration.ofMillis(200));
        assertThat(nextEvent()).isEqualTo("connected");

        assertThat(server.pings.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("{\"type\":\"ping\"}");
        assertThat(nextEvent()).isEqualTo("disconnected");
        assertThat(nextEvent()).isEqualTo("reconnected");
    }

    @Test
    void afterCloseNothingIsReportedAndNoReconnectIsTried() throws InterruptedException {
        server = startServer();
        subscription = subscribe(Duration.ofSeconds(20));
        assertThat(nextEvent()).isEqualTo("connected");

        subscription.close();
        Await.until("the condition", () -> server.getConnections().isEmpty());
        Thread.sleep(300);

        assertThat(events).isEmpty();
        assertThat(server.opened).hasValue(1);
    }

    /** Answers pings with pongs unless told not to, and remembers what clients sent. */
    private static final class TinyUpdatesServer extends WebSocketServer {

        final CountDownLatch ready = new CountDownLatch(1);
        final BlockingQueue<String> authorizations = new LinkedBlockingQueue<>();
        final BlockingQueue<String> pings = new LinkedBlockingQueue<>();
        final AtomicInteger opened = new AtomicInteger();
        volatile boolean answerPings = true;

        TinyUpdatesServer(int port) {
            super(new InetSocketAddress("127.0.0.1", port));
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            opened.incrementAndGet();
            authorizations.add(handshake.getFieldValue("Authorization"));
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {}

        @Override
        public void onMessage(WebSocket connection, String message) {
            pings.add(message);
            if (answerPings) {
                connection.send("{\"type\":\"pong\"}");
            }
        }

        @Override
        public void onError(WebSocket connection, Exception e) {}

        @Override
        public void onStart() {
            ready.countDown();
        }
    }
}
