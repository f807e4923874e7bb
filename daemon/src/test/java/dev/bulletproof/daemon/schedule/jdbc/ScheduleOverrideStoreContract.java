package dev.bulletproof.daemon.schedule.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.schedule.ScheduleOverride;
import dev.bulletproof.daemon.schedule.ScheduleOverrideStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the schedule override store does on every SQL dialect: one override per scope, kept across a reopen. */
public abstract class ScheduleOverrideStoreContract {

    @TempDir
    Path folder;

    private DatabaseFixture fixture;
    private SqlDatabase database;

    protected abstract DatabaseFixture newDatabase(Path folder);

    @BeforeEach
    void openDatabase() {
        fixture = newDatabase(folder);
        database = fixture.open();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void anOverrideSurvivesReopeningTheDatabase() {
        var hold = new ScheduleOverride(
                ScheduleOverride.Mode.HOLD,
                Instant.parse("2026-12-03T06:00:00Z"),
                Instant.parse("2026-12-02T15:04:05.123Z"));
        new JdbcScheduleOverrideStore(database).save(ScheduleOverrideStore.GLOBAL, hold);
        database.close();

        database = fixture.open();

        assertThat(new JdbcScheduleOverrideStore(database).load(ScheduleOverrideStore.GLOBAL))
                .contains(hold);
    }

    @Test
    void savingReplacesTheScopesOverrideAndLeavesOtherScopesAlone() {
        var store = new JdbcScheduleOverrideStore(database);
        var first = new ScheduleOverride(
                ScheduleOverride.Mode.RUN,
                Instant.parse("2026-12-02T12:00:00Z"),
                Instant.parse("2026-12-02T10:00:00Z"));
        var second = new ScheduleOverride(
                ScheduleOverride.Mode.HOLD,
                Instant.parse("2026-12-03T07:00:00Z"),
                Instant.parse("2026-12-02T11:00:00Z"));
        store.save(ScheduleOverrideStore.GLOBAL, first);
        store.save("folder:web", first);

        store.save(ScheduleOverrideStore.GLOBAL, second);

        assertThat(store.load(ScheduleOverrideStore.GLOBAL)).contains(second);
        assertThat(store.load("folder:web")).contains(first);
    }

    @Test
    void clearingRemovesOnlyThatScope() {
        var store = new JdbcScheduleOverrideStore(database);
        var run = new ScheduleOverride(
                ScheduleOverride.Mode.RUN,
                Instant.parse("2026-12-02T12:00:00Z"),
                Instant.parse("2026-12-02T10:00:00Z"));
        store.save(ScheduleOverrideStore.GLOBAL, run);
        store.save("folder:web", run);

        store.clear(ScheduleOverrideStore.GLOBAL);

        assertThat(store.load(ScheduleOverrideStore.GLOBAL)).isEmpty();
        assertThat(store.load("folder:web")).contains(run);
    }
}
