package dev.bulletproof.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.model.JobStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobQueryTest {

    @Test
    void anUnfilteredQueryAddsNothingToTheUrl() {
        assertThat(JobQuery.all().toQueryString()).isEmpty();
    }

    @Test
    void everyFilterIsEncodedInAStableOrder() {
        JobQuery query = JobQuery.all()
                .withBefore("120")
                .withOffset(10)
                .withLimit(20)
                .withProfile("web h264")
                .withText("Émission & co")
                .withStatuses(Set.of(JobStatus.CANCELLED, JobStatus.QUEUED));

        assertThat(query.toQueryString())
                .isEqualTo(
                        "status=queued,cancelled&q=%C3%89mission+%26+co&profile=web+h264&limit=20&offset=10&before=120");
    }

    @Test
    void theSortGoesLastAndKeepsItsMinusSign() {
        assertThat(JobQuery.all().withSort("-finished").withOffset(200).toQueryString())
                .isEqualTo("offset=200&sort=-finished");
        assertThat(JobQuery.all().withSort("filename").withText("a").toQueryString())
                .isEqualTo("q=a&sort=filename");
    }

    @Test
    void theWatchFolderIsSentAsItsPath() {
        assertThat(JobQuery.all()
                        .withFolder("/media/drop/qlab cues")
                        .withLimit(50)
                        .toQueryString())
                .isEqualTo("limit=50&folder=%2Fmedia%2Fdrop%2Fqlab+cues");
        assertThat(JobQuery.all().withFolder(" ").toQueryString()).isEmpty();
    }

    @Test
    void blankTextIsNoFilter() {
        assertThat(JobQuery.all().withText("  ").toQueryString()).isEmpty();
    }
}
