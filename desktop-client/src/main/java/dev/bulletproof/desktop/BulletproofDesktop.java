package dev.bulletproof.desktop;

import dev.bulletproof.desktop.connection.ConnectionViewModel;
import dev.bulletproof.desktop.connection.DaemonAddress;
import dev.bulletproof.desktop.connection.DaemonStarter;
import dev.bulletproof.desktop.connection.LaunchOptions;
import dev.bulletproof.desktop.connection.LocalDaemon;
import dev.bulletproof.desktop.connection.RecentDaemons;
import dev.bulletproof.desktop.notify.DesktopNotifier;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
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
        Path placementFile = LocalDaemon.forCurrentUser().configFolder().resolve("window.properties");
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        WindowPlacement placement = WindowPlacement.choose(
                WindowPlacement.load(placementFile),
                primary,
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
        stage.setScene(view.createScene(placement.width(), placement.height()));
        stage.setX(placement.x());
        stage.setY(placement.y());
        stage.setMinWidth(WindowPlacement.minWidth(primary));
        stage.setMinHeight(WindowPlacement.minHeight(primary));
        stage.setOnHidden(event -> {
            if (!stage.isMaximized() && !stage.isIconified()) {
                new WindowPlacement(
                                stage.getX(),
                                stage.getY(),
                                stage.getScene().getWidth(),
                                stage.getScene().getHeight())
                        .save(placementFile);
            }
        });
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
