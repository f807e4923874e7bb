package dev.bulletproof.desktop.testing;

import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.desktop.MainView;
import dev.bulletproof.desktop.MainViewModel;
import dev.bulletproof.desktop.connection.ConnectionViewModel;
import dev.bulletproof.desktop.connection.DaemonAddress;
import dev.bulletproof.desktop.connection.DaemonStarter;
import dev.bulletproof.desktop.connection.LocalDaemon;
import dev.bulletproof.desktop.connection.RecentDaemons;
import dev.bulletproof.desktop.notify.Notices;
import dev.bulletproof.testing.Await;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The desktop client's real window on the headless toolkit, connected to a daemon, for TestFX tests. */
public final class DesktopWindow implements AutoCloseable {

    public final MainViewModel model;
    public final MainView view;
    public final List<String> notices = new CopyOnWriteArrayList<>();
    private final BackgroundCalls calls;
    private final Stage stage;

    public DesktopWindow(Path clientHome, DaemonProcess daemon) {
        this(clientHome, daemon.url(), daemon.data);
    }

    /** A window of the given size, such as a 1366×768 laptop screen's. */
    public DesktopWindow(Path clientHome, DaemonProcess daemon, double width, double height) {
        this(clientHome, daemon.url(), daemon.data, width, height);
    }

    /** A window aimed at any address, such as one where no daemon runs. */
    public DesktopWindow(Path clientHome, java.net.URI url, Path dataFolder) {
        this(clientHome, url, dataFolder, 1440, 900);
    }

    private DesktopWindow(Path clientHome, java.net.URI url, Path dataFolder, double width, double height) {
        try {
            stage = FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new AssertionError("the JavaFX toolkit did not start", e);
        }
        calls = new BackgroundCalls(Platform::runLater);
        Notices recording = new Notices() {
            @Override
            public void error(String title, String text) {
                notices.add("error: " + text);
            }

            @Override
            public void info(String title, String text) {
                notices.add("info: " + text);
            }
        };
        ConnectionViewModel connection = new ConnectionViewModel(
                calls,
                new LocalDaemon(clientHome.resolve("config"), dataFolder),
                RecentDaemons.inConfigFolder(clientHome.resolve("config")),
                new DaemonStarter(null, Path.of(System.getProperty("java.home"), "bin", "java")),
                Clock.systemUTC());
        model = new MainViewModel(connection, calls, recording, Clock.systemUTC());
        view = onFx(() -> new MainView(model));
        onFx(() -> {
            stage.setScene(view.createScene(width, height));
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            stage.toFront();
            return null;
        });
        // A local URL and no token: the client reads the token from the daemon's data folder itself.
        onFx(() -> {
            connection.connect(new DaemonAddress(url, null));
            return null;
        });
    }

    /** Runs on the FX thread and waits for the result. */
    public static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("failed on the FX thread", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the FX thread did not answer", e);
        }
    }

    /** Polls a condition read on the FX thread. */
    public static void until(String what, Duration limit, Callable<Boolean> condition) {
        Await.until(what, limit, () -> onFx(condition));
    }

    public Scene scene() {
        return onFx(stage::getScene);
    }

    /** Saves what the window shows as target/screenshots/NAME.png. */
    public Path screenshot(String name) {
        return screenshot(stage.getScene(), name);
    }

    /** Saves what a scene (the window's, or a dialog's) shows as target/screenshots/NAME.png. */
    public static Path screenshot(Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = onFx(() -> scene.snapshot(null));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Path folder = Path.of(System.getProperty("bulletproof.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name + ".png");
            ImageIO.write(buffered, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        onFx(() -> {
            model.close();
            stage.hide();
            return null;
        });
        calls.close();
    }
}
