package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.events.Alert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client that stops reading must never slow the engine or the other clients; it gets dropped instead. */
class SlowConsumerTest {

    private static final int BATCHES = 60;
    private static final int PER_BATCH = 100;

    @RegisterExtension
    final ApiFixture api = ApiFixture.perTest("");

    @Test
    void clientThatNeverReadsIsDroppedWhileOthersKeepReceivingAndPublishingNeverBlocks() throws Exception {
        try (WsClient fast = WsClient.connect(api);
                Socket slow = connectWithoutReading(api)) {
            fast.await(WsClient.type("queue_update"), Duration.ofSeconds(10));
            ApiFixture.await(
                    "both sessions registered",
                    Duration.ofSeconds(10),
                    () -> api.server.broadcaster().sessionCount() == 2);
            String padding = "x".repeat(4000);
            long slowestPublishNanos = 0;
            long slowestDeliveryNanos = 0;

            for (int batch = 0; batch < BATCHES; batch++) {
                long batchStart = System.nanoTime();
                for (int i = 0; i < PER_BATCH; i++) {
                    long before = System.nanoTime();
                    api.daemon.bus().publish(Alert.error("alert " + batch + "-" + i + " " + padding, null));
                    slowestPublishNanos = Math.max(slowestPublishNanos, System.nanoTime() - before);
                }
                String last = "alert " + batch + "-" + (PER_BATCH - 1) + " ";
                fast.await(m -> m.path("message").asText().startsWith(last), Duration.ofSeconds(10));
                slowestDeliveryNanos = Math.max(slowestDeliveryNanos, System.nanoTime() - batchStart);
            }
            ApiFixture.await(
                    "the slow client dropped",
                    Duration.ofSeconds(30),
                    () -> api.server.broadcaster().sessionCount() == 1);

            System.out.printf(
                    "slow consumer: slowest publish %.2f ms, slowest batch of %d delivered to the fast client in %.1f ms%n",
                    slowestPublishNanos / 1e6, PER_BATCH, slowestDeliveryNanos / 1e6);
            // A publisher that waited for the stuck client would wait for as long as it stays stuck, which
            // is the whole test; the bound only leaves room for a busy machine's scheduling and GC pauses.
            assertThat(Duration.ofNanos(slowestPublishNanos)).isLessThan(Duration.ofSeconds(2));
            assertThat(fast.closed).isNotDone();
        }
    }

    /** Completes the upgrade, then never reads again, with a tiny receive buffer so the server's writes back up. */
    private static Socket connectWithoutReading(ApiFixture api) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", api.server.port()));
        socket.getOutputStream()
                .write(("GET /ws/updates HTTP/1.1\r\nHost: 127.0.0.1:" + api.server.port() + "\r\n"
                                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nAuthorization: Bearer " + api.token
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the upgrade: " + head);
            }
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
        return socket;
    }
}
