package dev.bulletproof.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentDaemonsTest {

    @TempDir
    Path config;

    @Test
    void remembersNewestFirstWithoutDuplicatesAndWithinTheLimit() {
        RecentDaemons recent = RecentDaemons.inConfigFolder(config);
        for (int i = 0; i < RecentDaemons.LIMIT + 2; i++) {
            recent.remember(new DaemonAddress(URI.create("http://box-" + i + ":8000"), "t" + i));
        }
        recent.remember(new DaemonAddress(URI.create("http://box-3:8000"), "new"));

        var list = RecentDaemons.inConfigFolder(config).list();

        assertThat(list).hasSize(RecentDaemons.LIMIT);
        assertThat(list.getFirst()).isEqualTo(new DaemonAddress(URI.create("http://box-3:8000"), "new"));
        assertThat(list).filteredOn(a -> a.url().getHost().equals("box-3")).hasSize(1);
    }

    @Test
    void aBrokenFileReadsAsNoRecentDaemons() throws Exception {
        Files.writeString(config.resolve("desktop-recent.json"), "{not json");

        assertThat(RecentDaemons.inConfigFolder(config).list()).isEmpty();
    }
}
