package dev.bulletproof.desktop;

import static dev.bulletproof.desktop.testing.Jobs.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.desktop.connection.ConnectionViewModel;
import dev.bulletproof.desktop.connection.DaemonStarter;
import dev.bulletproof.desktop.connection.LocalDaemon;
import dev.bulletproof.desktop.connection.RecentDaemons;
import dev.bulletproof.desktop.notify.Notices;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.StatsModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notifications: a failed job and a drained queue, each said once. */
class MainViewModelTest {

    @TempDir
    Path home;

    private final BackgroundCalls calls = new BackgroundCalls(Runnable::run);
    private final List<String> said = new ArrayList<>();

    @AfterEach
    void close() {
        calls.close();
    }

    private MainViewModel model() {
        Notices notices = new Notices() {
            @Override
            public void error(String title, String text) {
                said.add("error " + text);
            }

            @Override
            public void info(String title, String text) {
                said.add("info " + text);
            }
        };
        ConnectionViewModel connection = new ConnectionViewModel(
                calls,
                new LocalDaemon(home, home),
                RecentDaemons.inConfigFolder(home),
                new DaemonStarter(null, Path.of("java")),
                Clock.systemUTC());
        return new MainViewModel(connection, calls, notices, Clock.systemUTC());
    }

    @Test
    void aFailedJobIsAnnounced() {
        MainViewModel model = model();

        model.apply(new ServerMessage.JobUpdate(job("1", "a.mov", JobStatus.FAILED, "p")));

        assertThat(said).singleElement().asString().startsWith("error a.mov");
    }

    @Test
    void theQueueDrainingIsAnnouncedOnceAndAnIdleStartIsNot() {
        MainViewModel model = model();

        model.apply(new ServerMessage.StatsUpdate(new StatsModel(3, 3, 0, 1, 0, 0, 0, 3)));
        model.apply(new ServerMessage.StatsUpdate(new StatsModel(4, 3, 0, 1, 1, 0, 0, 3)));
        model.apply(new ServerMessage.StatsUpdate(new StatsModel(4, 4, 0, 1, 0, 0, 0, 4)));
        model.apply(new ServerMessage.StatsUpdate(new StatsModel(4, 4, 0, 1, 0, 0, 0, 4)));

        assertThat(said).containsExactly("info All queued jobs are done.");
    }
}
