package dev.bulletproof.desktop.history;

import static dev.bulletproof.desktop.testing.Jobs.finished;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.model.JobStatus;
import io.fair_acc.dataset.DataSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jobs that finish while the charts are shown are added to the data sets the charts draw. */
class HistoryViewModelTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:30:00Z");
    private final BackgroundCalls calls = new BackgroundCalls(Runnable::run);
    private final HistoryViewModel model =
            new HistoryViewModel(() -> null, calls, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);

    @AfterEach
    void close() {
        calls.close();
    }

    @Test
    void aFinishedJobIsCountedOnceInItsHourBucket() {
        var done = finished("1", "a.mov", JobStatus.COMPLETED, "live-qlab", NOW, 1800.0, 12.0);

        model.jobFinished(done);
        model.jobFinished(done);
        model.jobFinished(finished("2", "b.mov", JobStatus.FAILED, "live-qlab", NOW.plusSeconds(60), null, null));

        int bucket = onlyNonZero(model.completed());
        long hour = Instant.parse("2026-03-01T10:00:00Z").getEpochSecond();
        assertThat(model.completed().get(DataSet.DIM_X, bucket)).isEqualTo(hour + 0.3 * 3600);
        assertThat(model.completed().get(DataSet.DIM_Y, bucket)).isEqualTo(1);
        assertThat(onlyNonZero(model.failed())).isEqualTo(bucket);
        assertThat(model.failed().get(DataSet.DIM_X, bucket))
                .as("beside the completed bar, not behind it")
                .isEqualTo(hour + 0.7 * 3600);
        assertThat(model.failed().get(DataSet.DIM_Y, bucket)).isEqualTo(1);
        assertThat(model.mediaUnitProperty().get()).as("half an hour of media").isEqualTo("minutes");
        assertThat(model.mediaProcessed().get(DataSet.DIM_Y, bucket)).isEqualTo(30);
        assertThat(model.processingTimes().getDataCount()).isPositive();
        assertThat(model.summaryProperty().get()).startsWith("1 completed, 1 failed");
    }

    @Test
    void jobsOutsideTheRangeAndUnfinishedJobsAreLeftOut() {
        model.jobFinished(finished("1", "old.mov", JobStatus.COMPLETED, "p", NOW.minusSeconds(5 * 86400), 10.0, 1.0));
        model.jobFinished(finished("2", "run.mov", JobStatus.PROCESSING, "p", null, 10.0, 1.0));

        assertThat(sum(model.completed())).isZero();
    }

    @Test
    void everyBucketOfTheRangeHasABarEvenWhenEmpty() {
        model.jobFinished(finished("1", "a.mov", JobStatus.COMPLETED, "p", NOW, 60.0, 2.0));

        // The default range is yesterday and today: 48 hours.
        assertThat(model.completed().getDataCount()).isEqualTo(48);
        assertThat(model.failed().getDataCount()).isEqualTo(48);
        assertThat(sum(model.completed())).isEqualTo(1);
        for (int i = 1; i < 48; i++) {
            assertThat(model.completed().get(DataSet.DIM_X, i)
                            - model.completed().get(DataSet.DIM_X, i - 1))
                    .isEqualTo(3600);
        }
    }

    private static double sum(DataSet data) {
        double total = 0;
        for (int i = 0; i < data.getDataCount(); i++) {
            total += data.get(DataSet.DIM_Y, i);
        }
        return total;
    }

    /** The index of the one bucket with a count; fails when there is not exactly one. */
    private static int onlyNonZero(DataSet data) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < data.getDataCount(); i++) {
            if (data.get(DataSet.DIM_Y, i) != 0) {
                found.add(i);
            }
        }
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    @Test
    void aFewSecondsOfMediaAreDrawnInSecondsAndLongProcessingTimesInMinutes() {
        model.jobFinished(finished("1", "sting.mov", JobStatus.COMPLETED, "p", NOW, 81.0, 1500.0));
        model.jobFinished(finished("2", "film.mov", JobStatus.COMPLETED, "p", NOW, 0.0, 2400.0));

        assertThat(model.mediaUnitProperty().get()).isEqualTo("seconds");
        assertThat(sum(model.mediaProcessed())).isEqualTo(81);
        assertThat(model.processingUnitProperty().get()).isEqualTo("minutes");
        // 40 minutes at most: bins 4 minutes wide, 25 and 40 minutes in the seventh and the last.
        DataSet bins = model.processingTimes();
        assertThat(bins.get(DataSet.DIM_X, 6)).isEqualTo(26);
        assertThat(bins.get(DataSet.DIM_Y, 6)).isEqualTo(1);
        assertThat(bins.get(DataSet.DIM_X, bins.getDataCount() - 1)).isEqualTo(42);
        assertThat(bins.get(DataSet.DIM_Y, bins.getDataCount() - 1)).isEqualTo(1);
    }

    @Test
    void dayBucketsGatherTheWholeDay() {
        model.bucketProperty().set(HistoryViewModel.DAY);
        model.jobFinished(finished("1", "a.mov", JobStatus.COMPLETED, "p", NOW.minusSeconds(3 * 3600), 60.0, 2.0));
        model.jobFinished(finished("2", "b.mov", JobStatus.COMPLETED, "p", NOW, 60.0, 2.0));

        assertThat(model.completed().get(DataSet.DIM_Y, onlyNonZero(model.completed())))
                .isEqualTo(2);
    }
}
