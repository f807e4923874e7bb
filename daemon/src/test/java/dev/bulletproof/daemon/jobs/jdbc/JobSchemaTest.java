package dev.bulletproof.daemon.jobs.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.Database;
import dev.bulletproof.daemon.db.Migrations;
import dev.bulletproof.daemon.jobs.ClaimFolders;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobSort;
import dev.bulletproof.model.JobStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hot queries stay indexed: a schema change that loses an index fails here, not on a full disk of jobs. */
class JobSchemaTest {

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
    void claimingWalksTheClaimIndexInPriorityOrder() {
        String plan = plan(JdbcJobRepository.selectClaimable(database.dialect()), 0L);
        assertThat(plan).contains("USING INDEX jobs_claim_order").doesNotContain("TEMP B-TREE");
    }

    @Test
    void claimingWithoutTheJobsThisNodeCannotReadStillWalksTheClaimIndex() {
        String plan = plan(JdbcJobRepository.selectClaimable(database.dialect(), 2), 0L, 1L, 2L);
        assertThat(plan).contains("USING INDEX jobs_claim_order").doesNotContain("TEMP B-TREE");
    }

    @Test
    void claimingWithoutTheFoldersWhoseScheduleIsClosedStillWalksTheClaimIndex() {
        String except = plan(
                JdbcJobRepository.selectClaimable(
                        database.dialect(), 1, ClaimFolders.except(Set.of("/drop/a", "/drop/b"))),
                0L,
                1L,
                "/drop/a",
                "/drop/b");
        String only = plan(
                JdbcJobRepository.selectClaimable(database.dialect(), 0, ClaimFolders.only(Set.of("/drop/a"))),
                0L,
                "/drop/a");
        assertThat(except).contains("USING INDEX jobs_claim_order").doesNotContain("TEMP B-TREE");
        assertThat(only).doesNotContain("TEMP B-TREE");
    }

    @Test
    void deDuplicationLooksUpTheWholeFileIdentityInAnIndex() {
        assertThat(plan(JdbcJobRepository.selectByInput(database.dialect()), "/in/a.mov", 1L, 2L))
                .contains("USING INDEX jobs_by_input (input_path=? AND input_size=? AND input_mtime=?)");
    }

    @Test
    void listingOneStatusOrOneProfileNewestFirstNeedsNoSort() {
        JobQuery byStatus = JobQuery.of(JobFilter.all().withStatuses(Set.of(JobStatus.FAILED)), database.dialect());
        JobQuery byProfile = JobQuery.of(JobFilter.all().withProfile("live-qlab"), database.dialect());

        assertThat(plan(JobRows.SELECT_JOB + byStatus.sql() + " ORDER BY id DESC LIMIT 100", byStatus.paramsAnd()))
                .contains("USING INDEX jobs_by_status_newest")
                .doesNotContain("TEMP B-TREE");
        assertThat(plan(JobRows.SELECT_JOB + byProfile.sql() + " ORDER BY id DESC LIMIT 100", byProfile.paramsAnd()))
                .contains("USING INDEX jobs_by_profile_newest")
                .doesNotContain("TEMP B-TREE");
    }

    @Test
    void historyByCompletionTimeUsesItsIndex() {
        assertThat(plan("SELECT COUNT(*) FROM jobs WHERE completed_at >= ? AND completed_at < ?", 0L, 1L))
                .contains("jobs_by_completed_at");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "created",
                "-created",
                "finished",
                "-finished",
                "filename",
                "-filename",
                "duration",
                "-duration",
                "processing_time",
                "-processing_time",
                "status",
                "-status"
            })
    void everySortOfTheListReadsAnIndexInsteadOfSortingTheTable(String sortName) {
        JobSort sort = new JobSort(
                JobSort.Key.fromWireName(sortName.replace("-", "")).orElseThrow(), sortName.startsWith("-"));
        JobQuery all = JobQuery.of(JobFilter.all(), database.dialect());

        String plan = plan(JobRows.SELECT_JOB + all.sql() + JobQuery.orderBy(sort) + " LIMIT 100 OFFSET 50000");

        assertThat(plan).doesNotContain("TEMP B-TREE");
        if (sort.key() == JobSort.Key.STATUS) {
            assertThat(plan).contains("USING INDEX jobs_by_status_newest");
        } else if (sort.key() != JobSort.Key.CREATED) {
            assertThat(plan).contains("USING INDEX jobs_sorted_by_" + sort.key().wireName());
        }
    }
}
