package dev.bulletproof.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulletproof.model.Json;
import dev.bulletproof.model.ws.ClientMessage;
import dev.bulletproof.model.ws.ServerMessage;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A live connection to {@code /ws/updates} that heals itself: after any loss it reconnects with growing
 * waits (0.5 s up to 30 s) until {@link #close()}. A ping goes out every 20 s; a connection that stays
 * silent for two of those is taken for dead and replaced, so a half-open socket never leaves a client
 * showing stale state without saying so.
 */
public final class UpdatesSubscription implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(UpdatesSubscription.class.getName());
    static final Duration PING_INTERVAL = Duration.ofSeconds(20);

    private final URI uri;
    private final String token;
    private final Consumer<ServerMessage> onMessage;
    private final ConnectionListener listener;
    private final Backoff backoff;
    private final Duration pingInterval;
    private final ObjectMapper json = Json.mapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bulletproof-updates-timer");
        thread.setDaemon(true);
        return thread;
    });

    // Guarded by this.
    private Connection current;
    private boolean closed;
    private boolean everConnected;
    private boolean reportedDown;
    private int failures;
    private ScheduledFuture<?> pinger;

    UpdatesSubscription(URI uri, String token, Consumer<ServerMessage> onMessage, ConnectionListener listener) {
        this(uri, token, onMessage, listener, Backoff.RECONNECT, PING_INTERVAL);
    }

    UpdatesSubscription(
            URI uri,
            String token,
            Consumer<ServerMessage> onMessage,
            ConnectionListener listener,
            Backoff backoff,
            Duration pingInterval) {
        this.uri = uri;
        this.token = token;
        this.onMessage = onMessage;
        this.listener = listener;
        this.backoff = backoff;
        this.pingInterval = pingInterval;
    }

    synchronized void start() {
        pinger = timer.scheduleAtFixedRate(
                this::pingOrReplace, pingInterval.toMillis(), pingInterval.toMillis(), TimeUnit.MILLISECONDS);
        connect();
    }

    /** True while a connection is open. */
    public synchronized boolean isConnected() {
        return current != null && current.isOpen();
    }

    /** Closes the connection and stops reconnecting; the listener hears nothing more. */
    @Override
    public void close() {
        Connection last;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            last = current;
            current = null;
            if (pinger != null) {
                pinger.cancel(false);
            }
        }
        timer.shutdownNow();
        if (last != null) {
            last.close();
        }
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        Map<String, String> headers = new HashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        Connection attempt = new Connection(uri, headers);
        // Liveness is checked with the API's own ping messages instead, which the daemon answers.
        attempt.setConnectionLostTimeout(0);
        current = attempt;
        try {
            attempt.connect();
        } catch (RuntimeException e) {
            lost(attempt, "cannot connect to " + uri + ": " + e.getMessage());
        }
    }

    private void opened(Connection connection) {
        boolean reconnect;
        synchronized (this) {
            if (connection != current || closed) {
                return;
            }
            reconnect = everConnected;
            everConnected = true;
            reportedDown = false;
            failures = 0;
        }
        notifyListener(() -> {
            if (reconnect) {
                listener.reconnected();
            } else {
                listener.connected();
            }
        });
    }

    private void lost(Connection connection, String reason) {
        boolean report;
        Duration delay;
        synchronized (this) {
            if (connection != current || closed) {
                return;
            }
            current = null;
            report = !reportedDown;
            reportedDown = true;
            delay = backoff.delayAfter(failures++);
            timer.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.log(
                System.Logger.Level.DEBUG,
                "updates from {0} lost ({1}); retrying in {2} ms",
                uri,
                reason,
                delay.toMillis());
        if (report) {
            notifyListener(() -> listener.disconnected(reason));
        }
    }

    private void received(Connection connection, String text) {
        connection.lastHeard = System.nanoTime();
        ServerMessage message;
        try {
            message = json.readValue(text, ServerMessage.class);
        } catch (JsonProcessingException e) {
            // A newer daemon may send message types this client does not know yet; they are skipped.
            LOG.log(System.Logger.Level.DEBUG, "skipped an update this client does not understand: {0}", text);
            return;
        }
        try {
            onMessage.accept(message);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "an update handler failed on " + message, e);
        }
    }

    /** Runs on the timer thread, so it must never throw: a dead timer would stop all reconnecting. */
    private void pingOrReplace() {
        try {
            Connection connection;
            synchronized (this) {
                connection = current;
            }
            if (connection == null || !connection.isOpen()) {
                return;
            }
            long silentNanos = System.nanoTime() - connection.lastHeard;
            if (silentNanos > 2 * pingInterval.toNanos()) {
                connection.close(1001, "no answer to pings");
                return;
            }
            connection.send(json.writeValueAsString(new ClientMessage.Ping()));
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.log(System.Logger.Level.DEBUG, "ping to " + uri + " failed", e);
        }
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a connection listener failed", e);
        }
    }

    /** One attempt; a new one is made for every reconnect because a closed socket cannot be reopened. */
    private final class Connection extends WebSocketClient {

        volatile long lastHeard = System.nanoTime();

        Connection(URI uri, Map<String, String> headers) {
            super(uri, headers);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            lastHeard = System.nanoTime();
            opened(this);
        }

        @Override
        public void onMessage(String message) {
            received(this, message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            lost(this, describe(code, reason));
        }

        @Override
        public void onError(Exception e) {
            // onClose always follows and does the reconnecting; this only keeps the cause for the log.
            LOG.log(System.Logger.Level.DEBUG, "updates connection to " + uri + " failed", e);
        }

        private String describe(int code, String reason) {
            if (reason != null && !reason.isBlank()) {
                return reason + " (code " + code + ")";
            }
            return code == -1 ? "cannot connect to " + uri : "closed with code " + code;
        }
    }
}
