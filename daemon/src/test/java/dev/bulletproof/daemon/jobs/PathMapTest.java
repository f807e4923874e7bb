package dev.bulletproof.daemon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathMapTest {

    private static PathMap mac() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("/mnt/media", "/Volumes/media");
        map.put("/mnt/media/archive", "/Volumes/archive");
        return PathMap.of(map);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            /Volumes/media/drop/cue 1.mov,       /mnt/media/drop/cue 1.mov
            /Volumes/archive/2026/take.mxf,      /mnt/media/archive/2026/take.mxf
            /Volumes/media,                      /mnt/media
            /Volumes/media2/other.mov,           /Volumes/media2/other.mov
            /home/editor/local.mov,              /home/editor/local.mov
            /Volumes/media/drop/../drop/a.mov,   /mnt/media/drop/a.mov
            /Volumes/media/Été 2026/café ☕.mov, /mnt/media/Été 2026/café ☕.mov
            /Volumes/media2/Été/x.mov,           /Volumes/media2/Été/x.mov
            """)
    void aLocalPathGetsItsClusterWideName(String local, String canonical) {
        assertThat(mac().canonical(Path.of(local))).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            /mnt/media/drop/cue 1.mov,           /Volumes/media/drop/cue 1.mov
            /mnt/media/archive/2026/take.mxf,    /Volumes/archive/2026/take.mxf
            /mnt/media2/other.mov,               /mnt/media2/other.mov
            /srv/elsewhere/a.mov,                /srv/elsewhere/a.mov
            /mnt/media/Été 2026/café ☕.mov,     /Volumes/media/Été 2026/café ☕.mov
            /mnt/mediathek/a.mov,                /mnt/mediathek/a.mov
            """)
    void aClusterWideNameBecomesThisNodesPath(String canonical, String local) {
        assertThat(mac().local(canonical)).isEqualTo(Path.of(local));
    }

    @Test
    void everyMappedPathComesBackToItself() {
        PathMap map = mac();
        for (String local : new String[] {"/Volumes/media/x/y.mov", "/Volumes/archive/z.mov", "/tmp/q.mov"}) {
            assertThat(map.local(map.canonical(Path.of(local)))).isEqualTo(Path.of(local));
        }
    }

    @Test
    void withoutAMapEveryPathIsItsOwnName() {
        PathMap none = PathMap.none();

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.canonical(Path.of("/media/in/a.mov"))).isEqualTo("/media/in/a.mov");
        assertThat(none.local("/media/in/a.mov")).isEqualTo(Path.of("/media/in/a.mov"));
        assertThat(PathMap.of(Map.of())).isSameAs(none);
    }

    @Test
    void relativePrefixesAreRefused() {
        assertThatThrownBy(() -> PathMap.of(Map.of("media", "/Volumes/media")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an absolute path: media");
    }
}
