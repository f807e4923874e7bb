package dev.bulletproof.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.schedule.OutsideAction;
import dev.bulletproof.daemon.schedule.Schedule;
import dev.bulletproof.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A watch folder's own schedule in the config file (decision 0032): read, checked and kept on a save. */
class FolderScheduleConfigTest {

    private static final String FOLDERS = """
            schedule:
              windows: [{ days: daily, from: "18:00", to: "07:00" }]
            watch_folders:
              - path: ./drop/night   # the render farm's drop
                schedule:
                  outside: drain     # let a started render finish
                  windows:
                    - days: mon-fri  # weeknights only
                      from: 22:00
                      to: "06:00"
                      max_workers: 1
              - path: ./drop/web
                output_folder: ./web
            """;

    @TempDir
    Path root;

    private Path file;
    private ConfigStore store;

    @BeforeEach
    void write() throws Exception {
        file = root.resolve("bulletproof.yaml");
        Files.createDirectories(root.resolve("drop/night"));
        Files.createDirectories(root.resolve("drop/web"));
        Files.writeString(file, FOLDERS);
        store = new ConfigStore(file, Set.of("live-qlab", "live-h264"));
    }

    @Test
    void aFoldersOwnScheduleIsReadByTheFoldersPathAndTheOthersFollowTheGlobalOne() {
        var schedules = store.loadFolderSchedules();

        assertThat(schedules).containsOnlyKeys(root.resolve("drop/night").toString());
        Schedule night = schedules.get(root.resolve("drop/night").toString());
        assertThat(night.outside()).isEqualTo(OutsideAction.DRAIN);
        assertThat(night.windows().getFirst().days()).doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(night.windows().getFirst().maxWorkers()).isEqualTo(1);
        assertThat(store.loadSchedule().windows()).as("the global one").hasSize(1);
    }

    @Test
    void theExampleOfTheDocsReadsAsItSays() throws Exception {
        Files.createDirectories(root.resolve("drop/render"));
        Files.createDirectories(root.resolve("drop/cues"));
        Files.writeString(file, """
                schedule:
                  windows:
                    - { days: mon-fri, from: "18:00", to: "07:00" }
                watch_folders:
                  - path: ./drop/render
                    schedule:
                      outside: drain
                      windows:
                        - { days: mon-fri, from: "22:00", to: "06:00", max_workers: 1 }
                  - path: ./drop/cues
                    schedule:
                      windows:
                        - { days: daily, from: "00:00", to: "24:00" }
                  - path: ./drop/web
                """);

        var schedules = store.loadFolderSchedules();

        assertThat(schedules.keySet())
                .containsExactly(
                        root.resolve("drop/render").toString(),
                        root.resolve("drop/cues").toString());
        Schedule cues = schedules.get(root.resolve("drop/cues").toString());
        assertThat(cues.windows().getFirst().days()).hasSize(7);
        assertThat(cues.windows().getFirst().from())
                .isEqualTo(cues.windows().getFirst().to());
    }

    @Test
    void everyProblemOfAFoldersScheduleIsReportedUnderItsField() throws Exception {
        Files.writeString(file, """
                watch_folders:
                  - path: ./drop/night
                  - path: ./drop/web
                    schedule:
                      outside: later
                      windows:
                        - days: [mon, someday]
                          from: "9"
                          to: "25:00"
                          max_workers: 0
                """);

        var e = catchThrowableOfType(ConfigValidationException.class, () -> store.load());

        assertThat(e.fields())
                .containsOnlyKeys(
                        "watch_folders[1].schedule.outside",
                        "watch_folders[1].schedule.windows[0].days",
                        "watch_folders[1].schedule.windows[0].from",
                        "watch_folders[1].schedule.windows[0].to",
                        "watch_folders[1].schedule.windows[0].max_workers");
        assertThat(e.fields().get("watch_folders[1].schedule.windows[0].days")).contains("someday");
    }

    @Test
    void aFoldersScheduleWithoutWindowsIsRefused() throws Exception {
        Files.writeString(file, "watch_folders:\n  - path: ./drop/night\n    schedule: { outside: pause }\n");

        var e = catchThrowableOfType(ConfigValidationException.class, () -> store.load());

        assertThat(e.fields()).containsOnlyKeys("watch_folders[0].schedule.windows");
    }

    @Test
    void savingWhatAnEditorWasShownKeepsTheFoldersScheduleAndItsCommentsAsWritten() throws Exception {
        DaemonConfig live = store.load();
        ObjectNode shown = Json.mapper().valueToTree(live.toModel());
        assertThat(shown.at("/watch_folders/0/schedule/outside").asText()).isEqualTo("drain");
        ((ObjectNode) shown.at("/watch_folders/1"))
                .put("output_folder", root.resolve("web2").toString());

        store.save(store.modelForRequest(shown, live));

        assertThat(Files.readString(file)).isEqualTo(FOLDERS.replace("output_folder: ./web", "output_folder: ./web2"));
    }

    @Test
    void anEditorThatLeavesTheScheduleOutKeepsTheFilesOne() throws Exception {
        DaemonConfig live = store.load();
        ObjectNode shown = Json.mapper().valueToTree(live.toModel());
        ((ObjectNode) shown.at("/watch_folders/0")).remove("schedule");
        ((ObjectNode) shown.at("/watch_folders/1")).put("stable_seconds", 3);

        store.save(store.modelForRequest(shown, live));

        assertThat(Files.readString(file))
                .isEqualTo(FOLDERS.replace("output_folder: ./web\n", "output_folder: ./web\n    stable_seconds: 3\n"));
    }

    @Test
    void removingAFolderDoesNotHandItsScheduleToTheFolderThatMovesUp() throws Exception {
        DaemonConfig live = store.load();
        ObjectNode shown = Json.mapper().valueToTree(live.toModel());
        ((ArrayNode) shown.get("watch_folders")).remove(0);

        store.save(store.modelForRequest(shown, live));

        assertThat(Files.readString(file)).doesNotContain("drain").contains("./drop/web");
        assertThat(store.loadFolderSchedules()).isEmpty();
    }

    @Test
    void aRequestCannotChangeOrAddAFoldersSchedule() {
        DaemonConfig live = store.load();
        ObjectNode changed = Json.mapper().valueToTree(live.toModel());
        ((ObjectNode) changed.at("/watch_folders/0/schedule")).put("outside", "pause");
        ObjectNode added = Json.mapper().valueToTree(live.toModel());
        ((ObjectNode) added.at("/watch_folders/1")).set("schedule", changed.at("/watch_folders/0/schedule"));

        var refused = catchThrowableOfType(ConfigValidationException.class, () -> store.modelForRequest(changed, live));
        var refusedToo =
                catchThrowableOfType(ConfigValidationException.class, () -> store.modelForRequest(added, live));

        assertThat(refused.fields()).containsOnlyKeys("watch_folders[0].schedule");
        assertThat(refused.fields().get("watch_folders[0].schedule")).contains("config file only");
        assertThat(refusedToo.fields()).containsOnlyKeys("watch_folders[1].schedule");
    }
}
