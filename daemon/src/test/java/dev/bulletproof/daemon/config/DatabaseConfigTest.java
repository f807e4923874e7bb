package dev.bulletproof.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file's database section: PostgreSQL for a cluster, its password only ever in a file of its own. */
class DatabaseConfigTest {

    private static final Set<String> BUILT_IN = Set.of("live-qlab", "audio-qlab", "live-h264");

    @TempDir
    Path dir;

    private ConfigStore storeWith(String yaml) throws Exception {
        Path file = dir.resolve("bulletproof.yaml");
        Files.writeString(file, yaml);
        return new ConfigStore(file, BUILT_IN);
    }

    @Test
    void without_a_database_section_the_daemon_keeps_its_embedded_sqlite_file() throws Exception {
        ConfigStore store = storeWith("max_workers: 2\n");

        assertThat(store.loadDatabase()).isEmpty();
    }

    @Test
    void the_section_names_the_server_the_user_and_a_password_file_beside_the_config() throws Exception {
        Files.writeString(dir.resolve("db-password"), "s3cret\n");
        ConfigStore store = storeWith("database:\n  url: jdbc:postgresql://db.local/bulletproof\n"
                + "  user: bulletproof\n  password_file: db-password\n");

        DatabaseSettings settings = store.loadDatabase().orElseThrow();

        assertThat(settings.url()).isEqualTo("jdbc:postgresql://db.local/bulletproof");
        assertThat(settings.user()).isEqualTo("bulletproof");
        assertThat(settings.passwordFile()).isEqualTo(dir.resolve("db-password").toAbsolutePath());
        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.toString() + settings.where()).doesNotContain("s3cret");
        assertThat(store.load().maxWorkers())
                .as("the rest of the file reads as before")
                .isEqualTo(2);
    }

    @Test
    void a_password_in_the_config_itself_is_refused_without_being_repeated() throws Exception {
        Files.writeString(dir.resolve("db-password"), "s3cret\n");
        ConfigStore store = storeWith("database:\n  url: jdbc:postgresql://db.local/bulletproof\n"
                + "  user: bulletproof\n  password: hunter2\n  password_file: db-password\n");

        assertThatThrownBy(store::load)
                .isInstanceOf(ConfigValidationException.class)
                .satisfies(e ->
                        assertThat(((ConfigValidationException) e).fields()).containsOnlyKeys("database.password"))
                .hasMessageContaining("database.password_file")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(store::loadDatabase).isInstanceOf(ConfigValidationException.class);
    }

    @Test
    void database_problems_are_reported_with_every_other_problem_of_the_file() throws Exception {
        ConfigStore store =
                storeWith("max_workers: 0\n" + "database:\n  url: mysql://db.local/bulletproof\n  passwrd_file: x\n");

        assertThatThrownBy(store::load)
                .isInstanceOf(ConfigValidationException.class)
                .satisfies(e -> assertThat(((ConfigValidationException) e).fields())
                        .containsKeys(
                                "max_workers",
                                "database.url",
                                "database.user",
                                "database.password_file",
                                "database.passwrd_file"))
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageContaining("did you mean 'password_file'?");
    }

    @Test
    void a_password_file_that_does_not_exist_is_a_config_error_naming_it() throws Exception {
        ConfigStore store = storeWith("database:\n  url: jdbc:postgresql://db.local/bulletproof\n"
                + "  user: bulletproof\n  password_file: missing-password\n");

        assertThatThrownBy(store::load)
                .isInstanceOf(ConfigValidationException.class)
                .satisfies(e ->
                        assertThat(((ConfigValidationException) e).fields()).containsOnlyKeys("database.password_file"))
                .hasMessageContaining(dir.resolve("missing-password").toString());
    }

    @Test
    void a_request_to_the_api_cannot_set_the_database() {
        var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        body.putObject("database").put("url", "jdbc:postgresql://elsewhere/db");

        ConfigLoader.ParsedConfig parsed = new ConfigLoader().read(body, ConfigLoader.Origin.REQUEST);

        assertThat(parsed.problems()).containsKey("database");
        assertThat(parsed.database()).isNull();
    }

    private static final String SECTION = "database:\n  url: jdbc:postgresql://db.local/bulletproof\n"
            + "  user: bulletproof\n  password_file: db-password\n";

    @Test
    void a_path_map_names_each_cluster_wide_folder_and_where_this_node_mounts_it() throws Exception {
        Files.writeString(dir.resolve("db-password"), "s3cret\n");
        ConfigStore store = storeWith(
                SECTION
                        + "  path_map: { \"/mnt/media\": \"/Volumes/media\", \"/mnt/Vidéos d'été\": \"/Volumes/Vidéos d'été\" }\n");

        DatabaseSettings settings = store.loadDatabase().orElseThrow();

        assertThat(settings.pathMap())
                .containsExactly(
                        java.util.Map.entry("/mnt/media", "/Volumes/media"),
                        java.util.Map.entry("/mnt/Vidéos d'été", "/Volumes/Vidéos d'été"));
    }

    @Test
    void without_a_path_map_every_path_is_the_same_on_every_node() throws Exception {
        Files.writeString(dir.resolve("db-password"), "s3cret\n");

        assertThat(storeWith(SECTION).loadDatabase().orElseThrow().pathMap()).isEmpty();
    }

    @Test
    void path_map_entries_must_be_absolute_and_must_not_overlap() throws Exception {
        Files.writeString(dir.resolve("db-password"), "s3cret\n");
        ConfigStore store = storeWith(SECTION
                + "  path_map:\n"
                + "    \"media\": \"/Volumes/media\"\n"
                + "    \"/mnt/a\": \"Volumes/a\"\n"
                + "    \"/mnt/b\": \"/Volumes/b\"\n"
                + "    \"/mnt/b/archive\": \"/Volumes/archive\"\n"
                + "    \"/mnt/c\": \"/Volumes/b/\"\n"
                + "    \"/mnt/d\": 3\n");

        assertThatThrownBy(store::load)
                .isInstanceOf(ConfigValidationException.class)
                .satisfies(e -> assertThat(((ConfigValidationException) e).fields())
                        .containsOnlyKeys(
                                "database.path_map.media",
                                "database.path_map./mnt/a",
                                "database.path_map./mnt/b/archive",
                                "database.path_map./mnt/c",
                                "database.path_map./mnt/d"))
                .hasMessageContaining("the cluster-wide prefix must be an absolute path (got 'media')")
                .hasMessageContaining("this node's mount must be an absolute path (got 'Volumes/a')")
                .hasMessageContaining("/mnt/b/archive overlaps /mnt/b")
                .hasMessageContaining("the mount /Volumes/b is named twice")
                .hasMessageContaining("must be a folder path");
    }

    @Test
    void sibling_folders_with_a_common_start_do_not_overlap() throws Exception {
        Files.writeString(dir.resolve("db-password"), "s3cret\n");
        ConfigStore store = storeWith(
                SECTION + "  path_map: { \"/mnt/media\": \"/Volumes/media\", \"/mnt/media2\": \"/Volumes/media2\" }\n");

        assertThat(store.loadDatabase().orElseThrow().pathMap()).hasSize(2);
    }
}
