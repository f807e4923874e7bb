package dev.bulletproof.daemon.api;

import io.helidon.websocket.WsSession;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket client: a bounded outbox drained by its own virtual thread, so a client that stops
 * reading only ever blocks that thread. A newer message with the same key (the same job's progress in the
 * same state, the latest stats) replaces the queued older one and moves to the end; when the outbox is full even so, the client is
 * too far behind to be useful and is disconnected (it reloads over REST when it reconnects).
 */
final class UpdateSession {

    static final Set<String> ALL_CHANNELS = Set.of("jobs", "stats", "queue", "config", "nodes", "alerts");
    private static final System.Logger LOG = System.getLogger(UpdateSession.class.getName());
    private static final AtomicLong UNIQUE = new AtomicLong();

    /** A message serialised once and shared by every session. */
    record Outgoing(String channel, String key, String json) {
        static Outgoing unique(String channel, String json) {
            return new Outgoing(channel, channel + ":" + UNIQUE.incrementAndGet(), json);
        }
    }

    private final WsSession socket;
    private final int capacity;
    private final Map<String, String> outbox = new LinkedHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile Set<String> channels = ALL_CHANNELS;
    private boolean closed;
    private Thread sender;

    UpdateSession(WsSession socket, int capacity) {
        this.socket = socket;
        this.capacity = capacity;
    }

    void start() {
        sender = Thread.ofVirtual().name("ws-sender").start(this::drain);
    }

    void subscribe(Set<String> wanted) {
        channels = Set.copyOf(wanted);
    }

    /** Never blocks. Returns false when the session overflowed and is being dropped. */
    boolean offer(Outgoing message) {
        if (!message.channel().equals("control") && !channels.contains(message.channel())) {
            return true;
        }
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (!outbox.containsKey(message.key()) && outbox.size() >= capacity) {
                closed = true;
                outbox.clear();
                notifyAll();
                dropTooSlow();
                return false;
            }
            // Remove first, so the replacement goes to the end: the newest message about anything is
            // always the last one a client applies (a job paused and resumed before it was sent ends
            // on "processing", not on the older "paused").
            outbox.remove(message.key());
            outbox.put(message.key(), message.json());
            notifyAll();
            return true;
        }
    }

    /** Collects fragments of a text message; returns the whole message once its last fragment arrived. */
    synchronized String append(String fragment, boolean last) {
        partial.append(fragment);
        if (!last) {
            return null;
        }
        String whole = partial.toString();
        partial.setLength(0);
        return whole;
    }

    synchronized void close() {
        closed = true;
        outbox.clear();
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void drain() {
        try {
            while (true) {
                String next = take();
                if (next == null) {
                    return;
                }
                socket.send(next, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "WebSocket client gone while sending: " + e);
            close();
        }
    }

    private synchronized String take() throws InterruptedException {
        while (outbox.isEmpty() && !closed) {
            wait();
        }
        if (closed) {
            return null;
        }
        Iterator<String> first = outbox.values().iterator();
        String json = first.next();
        first.remove();
        return json;
    }

    /** Closing writes to the socket, which may block on a client that does not read: done off the caller's thread. */
    private void dropTooSlow() {
        LOG.log(System.Logger.Level.WARNING, "dropping a WebSocket client that stopped reading updates");
        Thread.ofVirtual().name("ws-drop").start(() -> {
            try {
                socket.terminate();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "while dropping a slow WebSocket client: " + e);
            }
            if (sender != null) {
                sender.interrupt();
            }
        });
    }
}
