package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.socket.SocketContext;
import io.helidon.websocket.WsSession;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-client outbox: coalescing, channel filters and dropping a client that fell too far behind. */
class UpdateSessionTest {

    /** A socket whose sends block until released: a client that stopped reading. */
    static final class StuckSocket implements WsSession {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean terminated;

        @Override
        public WsSession send(String text, boolean last) {
            sent.add(text);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return this;
        }

        @Override
        public WsSession send(BufferData bufferData, boolean last) {
            return this;
        }

        @Override
        public WsSession ping(BufferData bufferData) {
            return this;
        }

        @Override
        public WsSession pong(BufferData bufferData) {
            return this;
        }

        @Override
        public WsSession close(int code, String reason) {
            return this;
        }

        @Override
        public WsSession terminate() {
            terminated = true;
            release.countDown();
            return this;
        }

        @Override
        public SocketContext socketContext() {
            // UpdateSession never asks for it; a call would mean the session grew a dependency this fake lacks.
            throw new AssertionError("UpdateSession must not need the socket context");
        }
    }

    @Test
    void newerUpdateOfTheSameKeyReplacesTheQueuedOneAndGoesLast() throws Exception {
        StuckSocket socket = new StuckSocket();
        UpdateSession session = new UpdateSession(socket, 10);
        session.start();
        session.offer(new UpdateSession.Outgoing("jobs", "job:0", "first, being sent"));
        ApiFixture.await("the first send started", Duration.ofSeconds(5), () -> socket.sent.size() == 1);

        session.offer(new UpdateSession.Outgoing("jobs", "job:1", "job 1 at 10%"));
        session.offer(new UpdateSession.Outgoing("jobs", "job:2", "job 2 at 10%"));
        session.offer(new UpdateSession.Outgoing("jobs", "job:1", "job 1 at 20%"));
        socket.release.countDown();

        ApiFixture.await("all sent", Duration.ofSeconds(5), () -> socket.sent.size() == 3);
        assertThat(socket.sent).containsExactly("first, being sent", "job 2 at 10%", "job 1 at 20%");
        session.close();
    }

    @Test
    void unsubscribedChannelsAreNotQueuedButControlMessagesAlwaysAre() throws Exception {
        StuckSocket socket = new StuckSocket();
        socket.release.countDown();
        UpdateSession session = new UpdateSession(socket, 10);
        session.subscribe(Set.of("stats"));
        session.start();

        session.offer(new UpdateSession.Outgoing("jobs", "job:1", "job"));
        session.offer(new UpdateSession.Outgoing("stats", "stats", "stats"));
        session.offer(UpdateSession.Outgoing.unique("control", "pong"));

        ApiFixture.await("two sent", Duration.ofSeconds(5), () -> socket.sent.size() == 2);
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(socket.sent).containsExactly("stats", "pong");
        session.close();
    }

    @Test
    void overflowingOutboxDropsTheClientWithoutBlockingTheCaller() {
        StuckSocket socket = new StuckSocket();
        UpdateSession session = new UpdateSession(socket, 3);
        session.start();
        session.offer(UpdateSession.Outgoing.unique("alerts", "stuck in send"));
        ApiFixture.await("the first send started", Duration.ofSeconds(5), () -> socket.sent.size() == 1);

        long start = System.nanoTime();
        boolean kept = true;
        for (int i = 0; i < 10 && kept; i++) {
            kept = session.offer(UpdateSession.Outgoing.unique("alerts", "alert " + i));
        }

        assertThat(kept).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        ApiFixture.await("the client was terminated", Duration.ofSeconds(5), () -> socket.terminated);
        assertThat(session.isClosed()).isTrue();
        assertThat(session.offer(UpdateSession.Outgoing.unique("alerts", "late")))
                .isFalse();
    }
}
