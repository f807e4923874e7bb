package dev.bulletproof.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the window opens: fitted to the screen it opens on, or where it was left if that still fits. */
class WindowPlacementTest {

    // A 1366x768 laptop with a 40 px task bar at the bottom.
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    private static final Rectangle2D WIDE = new Rectangle2D(0, 0, 2560, 1400);

    @TempDir
    Path folder;

    @Test
    void aFirstStartOnALaptopFitsItsUsableArea() {
        WindowPlacement placement = WindowPlacement.choose(Optional.empty(), LAPTOP, List.of(LAPTOP));

        assertThat(placement.width()).isEqualTo(1366);
        assertThat(placement.height()).isEqualTo(728);
        assertThat(placement.x()).isZero();
        assertThat(WindowPlacement.minHeight(LAPTOP)).isLessThanOrEqualTo(728);
    }

    @Test
    void aFirstStartOnALargeScreenIsThePreferredSizeCentred() {
        WindowPlacement placement = WindowPlacement.fitting(WIDE);

        assertThat(placement).isEqualTo(new WindowPlacement(560, 250, 1440, 900));
    }

    @Test
    void theSavedPlacementComesBackAfterARestart() {
        Path file = folder.resolve("config/window.properties");
        new WindowPlacement(100, 80, 1200, 700).save(file);

        WindowPlacement placement = WindowPlacement.choose(WindowPlacement.load(file), WIDE, List.of(WIDE));

        assertThat(placement).isEqualTo(new WindowPlacement(100, 80, 1200, 700));
    }

    @Test
    void aPlacementLeftOnAScreenThatIsGoneOpensOnThePrimaryOne() {
        Rectangle2D secondScreen = new Rectangle2D(2560, 0, 1920, 1080);
        WindowPlacement onSecond = new WindowPlacement(2700, 100, 1600, 900);

        assertThat(WindowPlacement.choose(Optional.of(onSecond), LAPTOP, List.of(LAPTOP, secondScreen)))
                .isEqualTo(new WindowPlacement(2700, 100, 1600, 900));
        assertThat(WindowPlacement.choose(Optional.of(onSecond), LAPTOP, List.of(LAPTOP)))
                .isEqualTo(WindowPlacement.fitting(LAPTOP));
    }

    @Test
    void aPlacementLargerThanItsScreenNowIsShrunkOntoIt() {
        WindowPlacement big = new WindowPlacement(300, 200, 1440, 900);

        assertThat(WindowPlacement.choose(Optional.of(big), LAPTOP, List.of(LAPTOP)))
                .isEqualTo(new WindowPlacement(0, 0, 1366, 728));
    }

    @Test
    void aDamagedFileOnlyCostsTheRememberedPlacement() throws Exception {
        Path file = folder.resolve("window.properties");
        Files.writeString(file, "x=left\nwidth=-3\n");

        assertThat(WindowPlacement.load(file)).isEmpty();
        assertThat(WindowPlacement.load(folder.resolve("missing.properties"))).isEmpty();
    }
}
