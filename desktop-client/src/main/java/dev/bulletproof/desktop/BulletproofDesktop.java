package dev.bulletproof.desktop;

import dev.bulletproof.desktop.connection.ConnectionViewModel;
import dev.bulletproof.desktop.connection.DaemonAddress;
import dev.bulletproof.desktop.connection.DaemonStarter;
import dev.bulletproof.desktop.connection.LaunchOptions;
import dev.bulletproof.desktop.connection.LocalDaemon;
import dev.bulletproof.desktop.connection.RecentDaemons;
import dev.bulletproof.desktop.notify.DesktopNotifier;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: wires the view models to the daemon and shows the window. */
public final class BulletproofDesktop extends Application {

    private BackgroundCalls calls;
    private MainViewModel model;
    private DesktopNotifier notifier;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        calls = new BackgroundCalls(Platform::runLater);
        notifier = DesktopNotifier.create();
        model = create(options, calls, notifier);
        MainView view = new MainView(model);
        stage.setTitle("Bulletproof");
        stage.setScene(view.createScene(1440, 900));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        model.connection().connect(new DaemonAddress(options.urlOrDefault(), options.token()));
    }

    /** The whole client without a window, as the tests build it too. */
    public static MainViewModel create(
            LaunchOptions options, BackgroundCalls calls, dev.bulletproof.desktop.notify.Notices notices) {
        LocalDaemon local = LocalDaemon.forCurrentUser().withDataFolder(options.dataFolder());
        ConnectionViewModel connection = new ConnectionViewModel(
                calls,
                local,
                RecentDaemons.inConfigFolder(local.configFolder()),
                DaemonStarter.forThisProcess(),
                Clock.systemUTC());
        return new MainViewModel(connection, calls, notices, Clock.systemUTC());
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
        if (notifier != null) {
            notifier.close();
        }
        if (calls != null) {
            calls.close();
        }
    }
}
