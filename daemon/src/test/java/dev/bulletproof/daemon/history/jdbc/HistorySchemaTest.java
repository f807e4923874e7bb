package dev.bulletproof.daemon.history.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics stay cheap with a long history: each query reads an index, never the whole table. */
class HistorySchemaTest {

    @TempDir
    Path folder;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(folder.resolve("bulletproof.db"));
        Migrations.fromClasspath().apply(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String plan(String sql, Object... params) {
        List<String> steps = database.query("EXPLAIN QUERY PLAN " + sql, row -> row.getString("detail"), params);
        return String.join(" / ", steps);
    }

    @Test
    void summaryReadsTheSevenRowTotalsAndTheirUnfoldedChangesNotTheJobs() {
        assertThat(java.util.regex.Pattern.compile("SCAN (job\\w+)")
                        .matcher(plan(JdbcHistory.SELECT_STATUS_TOTALS))
                        .results()
                        .map(match -> match.group(1))
                        .toList())
                .containsExactlyInAnyOrder("job_totals", "job_totals_changes");
    }

    @Test
    void recentlyFinishedJobsAreCountedFromTheHistoryIndexAlone() {
        assertThat(plan(JdbcHistory.selectFinishedSince(database.dialect()), 0L, 1L))
                .contains("USING COVERING INDEX jobs_history_by_completed_at (completed_at>? AND completed_at<?)");
    }

    @Test
    void bucketsReadOnlyTheRequestedRangeOfTheHistoryIndex() {
        assertThat(plan(JdbcHistory.selectBuckets(database.dialect()), 0L, 3_600_000L, 0L, 1L))
                .contains("USING COVERING INDEX jobs_history_by_completed_at (completed_at>? AND completed_at<?)");
    }

    @Test
    void timelineWalksTheRangeInTimeOrderWithoutSorting() {
        assertThat(plan(JdbcHistory.selectTimeline(database.dialect()), 0L, 1L, 10))
                .contains("(completed_at>? AND completed_at<?)")
                .doesNotContain("TEMP B-TREE");
    }
}
