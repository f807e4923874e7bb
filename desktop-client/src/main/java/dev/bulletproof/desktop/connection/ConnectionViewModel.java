package dev.bulletproof.desktop.connection;

import dev.bulletproof.client.ApiException;
import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.client.ConnectionListener;
import dev.bulletproof.client.UpdatesSubscription;
import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.model.HealthModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The link to one daemon: which one, whether it answers, and the live updates. Other view models ask it
 * for the current client, hear every update on the UI thread, and are told to reload everything over REST
 * whenever the link (re)opens, because updates may have been missed while it was down.
 */
public final class ConnectionViewModel implements AutoCloseable {

    private final BackgroundCalls calls;
    private final LocalDaemon localDaemon;
    private final RecentDaemons recent;
    private final DaemonStarter starter;
    private final ReconnectCountdown countdown;

    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.DISCONNECTED);
    private final StringProperty statusText = new SimpleStringProperty("Not connected");
    private final StringProperty url = new SimpleStringProperty("");
    private final BooleanProperty noDaemonAnswers = new SimpleBooleanProperty(false);
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObservableList<DaemonAddress> recentDaemons = FXCollections.observableArrayList();

    private final List<Runnable> resyncListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ServerMessage>> messageListeners = new CopyOnWriteArrayList<>();

    private volatile BulletproofClient client;
    private UpdatesSubscription subscription;
    private ScheduledFuture<?> ticker;
    private long generation;
    private boolean down;
    // The live link of a reachable daemon dropped: the banner then counts down with the status bar.
    private boolean linkDropped;

    public ConnectionViewModel(
            BackgroundCalls calls, LocalDaemon localDaemon, RecentDaemons recent, DaemonStarter starter, Clock clock) {
        this.calls = calls;
        this.localDaemon = localDaemon;
        this.recent = recent;
        this.starter = starter;
        this.countdown = new ReconnectCountdown(clock);
        recentDaemons.setAll(recent.list());
    }

    /** The client of the current daemon; null before the first {@link #connect}. */
    public BulletproofClient client() {
        return client;
    }

    /** Called on the UI thread each time the link opens: reload everything over REST. */
    public void onResync(Runnable listener) {
        resyncListeners.add(listener);
    }

    /** Called on the UI thread for every live update. */
    public void onMessage(Consumer<ServerMessage> listener) {
        messageListeners.add(listener);
    }

    /**
     * Connects to the daemon, replacing any earlier link. A local daemon's token is read from its data
     * folder when none is given. The link is retried until {@link #close()} or the next connect.
     */
    public void connect(DaemonAddress requested) {
        DaemonAddress address = requested.token() == null && requested.isLocal()
                ? new DaemonAddress(requested.url(), localDaemon.token().orElse(null))
                : requested;
        closeLink();
        long current = ++generation;
        client = new BulletproofClient(address.url(), address.token());
        url.set(address.url().toString());
        problem.set("");
        show(ConnectionState.CONNECTING, "Connecting to " + address.url() + " ...");
        BulletproofClient probe = client;
        calls.run(
                () -> {
                    HealthModel health = probe.health();
                    // The health check needs no token; this call tells whether ours is accepted.
                    probe.queue();
                    return health;
                },
                health -> {
                    if (current == generation) {
                        answered(address, health);
                    }
                },
                failure -> {
                    if (current == generation) {
                        unanswered(address, failure);
                    }
                });
        subscription = probe.subscribe(message -> calls.onUi(() -> deliver(current, message)), listener(current));
    }

    /** Starts a daemon on this machine, then connects to it once it has written its token. */
    public void startLocalDaemon() {
        Path dataFolder = localDaemon.dataFolder();
        calls.run(
                () -> {
                    starter.start(dataFolder);
                    return Boolean.TRUE;
                },
                started -> {
                    show(ConnectionState.CONNECTING, "Starting a daemon on this machine ...");
                    awaitToken(60);
                },
                failure -> problem.set(BackgroundCalls.describe(failure)));
    }

    /** True when a daemon could be started from here (otherwise {@link DaemonStarter#howToStart()} applies). */
    public boolean canStartLocalDaemon() {
        return starter.command(localDaemon.dataFolder()).isPresent();
    }

    private void awaitToken(int triesLeft) {
        if (localDaemon.token().isPresent() || triesLeft <= 0) {
            connect(new DaemonAddress(LaunchOptions.DEFAULT_URL, null));
            return;
        }
        calls.later(500, () -> awaitToken(triesLeft - 1));
    }

    private void answered(DaemonAddress address, HealthModel health) {
        noDaemonAnswers.set(false);
        recent.remember(address);
        recentDaemons.setAll(recent.list());
        if (!health.isOk()) {
            problem.set("The daemon reports: " + health.status()
                    + (health.problems().isEmpty() ? "" : " (" + String.join("; ", health.problems()) + ")"));
        }
    }

    private void unanswered(DaemonAddress address, Exception failure) {
        linkDropped = false;
        if (failure instanceof ApiException api && (api.status() == 401 || api.status() == 403)) {
            // A daemon answers but refuses us: starting another one would not help, a token would.
            problem.set("The daemon at " + address.url() + " refused the token. Use Connect… to enter the right one"
                    + (address.isLocal() ? " (it is in the daemon's data folder, file \"token\")." : "."));
        } else {
            noDaemonAnswers.set(true);
            problem.set("No daemon answers at " + address.url() + " (" + BackgroundCalls.describe(failure) + ").");
        }
        lost();
    }

    private ConnectionListener listener(long current) {
        return new ConnectionListener() {
            @Override
            public void connected() {
                calls.onUi(() -> opened(current));
            }

            @Override
            public void reconnected() {
                calls.onUi(() -> opened(current));
            }

            @Override
            public void disconnected(String reason) {
                calls.onUi(() -> {
                    if (current == generation) {
                        // The close code ("1006") means nothing to an operator; the countdown says what happens next.
                        linkDropped = problem.get().isEmpty();
                        lost();
                    }
                });
            }
        };
    }

    private void opened(long current) {
        if (current != generation) {
            return;
        }
        stopTicker();
        down = false;
        linkDropped = false;
        noDaemonAnswers.set(false);
        problem.set("");
        show(ConnectionState.CONNECTED, "Connected");
        resyncListeners.forEach(Runnable::run);
    }

    private void lost() {
        if (down) {
            return;
        }
        down = true;
        countdown.lost();
        showCountdown();
        stopTicker();
        ticker = calls.every(250, this::showCountdown);
    }

    private void showCountdown() {
        if (!down) {
            // A tick already on its way when the link reopened must not overwrite "Connected".
            return;
        }
        long seconds = countdown.secondsLeft();
        show(ConnectionState.RECONNECTING, "Reconnecting in " + seconds + " s");
        if (linkDropped) {
            problem.set(lostConnectionBanner(seconds));
        }
    }

    /** The banner while the live link is down and the daemon was reachable before. */
    static String lostConnectionBanner(long secondsLeft) {
        return "Lost the connection to the daemon; retrying in " + secondsLeft + " s…";
    }

    private void deliver(long current, ServerMessage message) {
        if (current != generation) {
            return;
        }
        messageListeners.forEach(listener -> listener.accept(message));
    }

    private void show(ConnectionState newState, String text) {
        state.set(newState);
        statusText.set(text);
    }

    private void stopTicker() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
    }

    private void closeLink() {
        stopTicker();
        down = false;
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** Drops the link; nothing is retried until the next {@link #connect}. */
    @Override
    public void close() {
        generation++;
        closeLink();
        show(ConnectionState.DISCONNECTED, "Not connected");
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText;
    }

    public ReadOnlyStringProperty urlProperty() {
        return url;
    }

    public ReadOnlyBooleanProperty noDaemonAnswersProperty() {
        return noDaemonAnswers;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ObservableList<DaemonAddress> recentDaemons() {
        return recentDaemons;
    }
}
