package dev.bulletproof.desktop;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: where the operator left it, as long as that still fits one of the screens,
 * otherwise a size that fits the primary screen's usable area (a 1366x768 laptop included), centred on it.
 * The last placement is kept in a small file in the client's config folder.
 */
public record WindowPlacement(double x, double y, double width, double height) {

    static final double PREFERRED_WIDTH = 1440;
    static final double PREFERRED_HEIGHT = 900;
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 600;

    /** The window on a screen's usable area (without task bars): at most the preferred size, centred. */
    public static WindowPlacement fitting(Rectangle2D screen) {
        double width = Math.min(PREFERRED_WIDTH, screen.getWidth());
        double height = Math.min(PREFERRED_HEIGHT, screen.getHeight());
        return new WindowPlacement(
                screen.getMinX() + (screen.getWidth() - width) / 2,
                screen.getMinY() + (screen.getHeight() - height) / 2,
                width,
                height);
    }

    /**
     * The saved placement if its title bar lies on one of the screens, shrunk and moved to fit that screen;
     * otherwise (a screen unplugged since) the fitting placement on the primary screen.
     */
    public static WindowPlacement choose(
            Optional<WindowPlacement> saved, Rectangle2D primary, List<Rectangle2D> screens) {
        if (saved.isPresent()) {
            WindowPlacement last = saved.get();
            for (Rectangle2D screen : screens) {
                if (screen.contains(last.x() + Math.min(last.width(), 100) / 2, last.y() + 10)) {
                    return last.within(screen);
                }
            }
        }
        return fitting(primary);
    }

    /** The smallest size the window may take on this screen: the usual minimum, unless the screen is smaller. */
    public static double minWidth(Rectangle2D screen) {
        return Math.min(MIN_WIDTH, screen.getWidth());
    }

    public static double minHeight(Rectangle2D screen) {
        return Math.min(MIN_HEIGHT, screen.getHeight());
    }

    WindowPlacement within(Rectangle2D screen) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        double left = Math.clamp(x, screen.getMinX(), screen.getMaxX() - w);
        double top = Math.clamp(y, screen.getMinY(), screen.getMaxY() - h);
        return new WindowPlacement(left, top, w, h);
    }

    /** The placement saved in {@code file}; empty when there is none or it cannot be read. */
    public static Optional<WindowPlacement> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            saved.load(reader);
            WindowPlacement placement = new WindowPlacement(
                    Double.parseDouble(saved.getProperty("x")),
                    Double.parseDouble(saved.getProperty("y")),
                    Double.parseDouble(saved.getProperty("width")),
                    Double.parseDouble(saved.getProperty("height")));
            return placement.width() > 0 && placement.height() > 0 ? Optional.of(placement) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // A damaged file only costs the remembered placement.
            return Optional.empty();
        }
    }

    /** Keeps the placement for the next start; failing to write it is not worth bothering the operator. */
    public void save(Path file) {
        Properties values = new Properties();
        values.setProperty("x", Double.toString(x));
        values.setProperty("y", Double.toString(y));
        values.setProperty("width", Double.toString(width));
        values.setProperty("height", Double.toString(height));
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                values.store(writer, "Bulletproof desktop window");
            }
        } catch (IOException e) {
            System.getLogger(WindowPlacement.class.getName())
                    .log(System.Logger.Level.DEBUG, "cannot remember the window placement", e);
        }
    }
}
