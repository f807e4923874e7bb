package dev.bulletproof.desktop;

import dev.bulletproof.desktop.connection.LaunchOptions;
import javafx.application.Application;

/**
 * The entry point of {@code bulletproof desktop}. It does not extend {@link Application}: started from
 * the class path (and from jpackage images), a main class that does would need JavaFX on the module path.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {}

    public static void main(String[] args) {
        try {
            LaunchOptions.parse(java.util.List.of(args));
        } catch (DesktopException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        Application.launch(BulletproofDesktop.class, args);
    }
}
