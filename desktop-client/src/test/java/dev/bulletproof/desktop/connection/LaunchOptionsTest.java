package dev.bulletproof.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulletproof.desktop.DesktopException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaunchOptionsTest {

    @Test
    void withoutArgumentsTheLocalDaemonsDefaultAddressIsUsed() {
        LaunchOptions options = LaunchOptions.parse(List.of());

        assertThat(options.url()).isNull();
        assertThat(options.urlOrDefault()).isEqualTo(URI.create("http://127.0.0.1:8000"));
        assertThat(options.token()).isNull();
        assertThat(options.dataFolder()).isNull();
    }

    @Test
    void optionsAreReadInBothSpellings() {
        LaunchOptions options = LaunchOptions.parse(
                List.of("--url", "http://studio-box:8000", "--token=abc", "--data-dir", "/srv/bulletproof"));

        assertThat(options.url()).isEqualTo(URI.create("http://studio-box:8000"));
        assertThat(options.token()).isEqualTo("abc");
        assertThat(options.dataFolder()).isEqualTo(Path.of("/srv/bulletproof"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            --url ftp://box,                not an http(s) address
            --url,                          --url needs a value
            --verbose,                      unknown argument --verbose
            """)
    void badArgumentsAreRefusedWithASentence(String args, String message) {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of(args.split(" "))))
                .isInstanceOf(DesktopException.class)
                .hasMessageContaining(message);
    }
}
