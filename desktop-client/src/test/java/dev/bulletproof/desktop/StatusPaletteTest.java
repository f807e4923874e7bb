package dev.bulletproof.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.model.JobStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A status has one colour per theme, whichever client shows it: the web dashboard's CSS variables
 * ({@code --status-completed}) and the desktop themes' looked-up colours ({@code -status-completed}) must match.
 */
class StatusPaletteTest {

    private static final Path WEB_CSS = Path.of("..", "web-ui", "src", "styles.css");
    private static final Pattern WEB_COLOUR = Pattern.compile("--status-([a-z]+):\\s*(#[0-9a-fA-F]{6})");
    private static final Pattern DESKTOP_COLOUR = Pattern.compile("(?<![-\\w])-status-([a-z]+):\\s*(#[0-9a-fA-F]{6})");

    @Test
    void lightThemesShowEveryStatusInTheSameColour() throws IOException {
        Map<String, String> web = colours(WEB_COLOUR, block(webCss(), ":root {"));
        Map<String, String> desktop = colours(DESKTOP_COLOUR, desktopCss("light.css"));

        assertThat(web.keySet()).containsExactlyInAnyOrder(statuses());
        assertThat(desktop).isEqualTo(web);
    }

    @Test
    void darkThemesShowEveryStatusInTheSameColour() throws IOException {
        String css = webCss();
        Map<String, String> followingTheSystem = colours(WEB_COLOUR, block(css, ":root:not([data-theme='light']) {"));
        Map<String, String> chosen = colours(WEB_COLOUR, block(css, ":root[data-theme='dark'] {"));
        Map<String, String> desktop = colours(DESKTOP_COLOUR, desktopCss("dark.css"));

        assertThat(followingTheSystem.keySet()).containsExactlyInAnyOrder(statuses());
        assertThat(chosen).as("the dark theme chosen by hand").isEqualTo(followingTheSystem);
        assertThat(desktop).isEqualTo(followingTheSystem);
    }

    @Test
    void theDesktopBadgesAndProgressBarsUseThePaletteForEveryStatus() throws IOException {
        String base = desktopCss("base.css");
        for (String status : statuses()) {
            assertThat(base)
                    .contains(".badge-" + status + " { -fx-background-color: -status-" + status + "; }")
                    .contains(".progress-bar.status-" + status + " { -fx-accent: -status-" + status + "; }");
        }
    }

    private static String[] statuses() {
        return Arrays.stream(JobStatus.values()).map(JobStatus::wireName).toArray(String[]::new);
    }

    private static String webCss() throws IOException {
        assertThat(WEB_CSS)
                .as("the web dashboard's style sheet, beside this module")
                .exists();
        return Files.readString(WEB_CSS);
    }

    private static String desktopCss(String name) throws IOException {
        try (InputStream in = StatusPaletteTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The declarations of the first rule with this selector. */
    private static String block(String css, String selector) {
        int start = css.indexOf(selector);
        assertThat(start).as("a rule " + selector).isNotNegative();
        return css.substring(start, css.indexOf('}', start));
    }

    private static Map<String, String> colours(Pattern pattern, String css) {
        Map<String, String> found = new TreeMap<>();
        Matcher matcher = pattern.matcher(css);
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2).toLowerCase(java.util.Locale.ROOT));
        }
        return found;
    }
}
