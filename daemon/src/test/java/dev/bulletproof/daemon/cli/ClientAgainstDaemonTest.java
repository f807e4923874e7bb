package dev.bulletproof.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulletproof.client.ApiException;
import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.client.ConnectionListener;
import dev.bulletproof.client.JobQuery;
import dev.bulletproof.client.Page;
import dev.bulletproof.client.UpdatesSubscription;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.HistoryBucketModel;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.ProfileModel;
import dev.bulletproof.model.StatsModel;
import dev.bulletproof.model.TimelinePointModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java client against the real daemon and API server, with a real encode. */
class ClientAgainstDaemonTest {

    @TempDir
    Path root;

    private RunningDaemon daemon;
    private BulletproofClient client;

    @BeforeEach
    void start() {
        daemon = new RunningDaemon(root);
        client = daemon.client();
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void aJobQueuedThroughTheClientIsEncodedAndShowsUpInEveryView() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.HOURS);
        assertThat(client.health().isOk()).isTrue();
        assertThat(client.pauseQueue().paused()).isTrue();

        Path clip = daemon.clip("show.mov", 1);
        JobModel queued = client.enqueue(clip.toString(), "live-qlab");
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(client.setPriority(queued.id(), 7).priority()).isEqualTo(7);
        Page<JobModel> page = client.listJobs(JobQuery.all().withStatuses(Set.of(JobStatus.QUEUED)));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items()).extracting(JobModel::filename).containsExactly("show.mov");
        assertThat(client.stats().queued()).isEqualTo(1);

        assertThat(client.resumeQueue().paused()).isFalse();
        JobModel done = daemon.awaitJob(
                queued.id(), "show.mov completed", job -> job.status().isFinished());

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.verified()).isTrue();
        StatsModel stats = client.stats();
        assertThat(stats.totalJobs()).isEqualTo(1);
        assertThat(stats.successful()).isEqualTo(1);
        assertThat(stats.last24h()).isEqualTo(1);
        assertThat(stats.avgDuration()).isPositive();
        Instant after = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        List<HistoryBucketModel> buckets = client.history(before, after, "hour");
        assertThat(buckets.stream().mapToLong(HistoryBucketModel::completed).sum())
                .isEqualTo(1);
        assertThat(buckets.stream()
                        .mapToDouble(HistoryBucketModel::mediaSecondsProcessed)
                        .sum())
                .isCloseTo(1.0, within(0.2));
        List<TimelinePointModel> timeline = client.timeline(before, after);
        assertThat(timeline).singleElement().satisfies(point -> {
            assertThat(point.jobId()).isEqualTo(done.id());
            assertThat(point.status()).isEqualTo("completed");
            assertThat(point.processingSeconds()).isPositive();
        });
        assertThat(client.timeline(before, after, 1)).hasSize(1);
        assertThat(client.log(done.id(), 20).lines()).isNotEmpty();

        client.deleteJob(done.id());
        assertThatThrownBy(() -> client.job(done.id())).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("job_not_found");
        });
        assertThat(clip).exists();
    }

    @Test
    void profilesRulesAndConfigAreReadableAndABadConfigIsRefusedFieldByField() {
        assertThat(client.profiles()).extracting(ProfileModel::name).contains("live-qlab", "stream-hd");
        assertThat(client.testRule("show.mov").profile()).isEqualTo("live-qlab");
        ConfigModel config = client.config();
        assertThat(config.maxWorkers()).isEqualTo(2);
        assertThat(client.queue().maxWorkers()).isEqualTo(2);

        ConfigModel tooMany = new ConfigModel(
                config.monitorFolder(),
                config.outputFolder(),
                0,
                config.recursive(),
                config.stableSeconds(),
                config.scanIntervalSeconds(),
                config.onSuccess(),
                config.processedFolder(),
                config.maxAttempts(),
                config.stallTimeoutSeconds(),
                config.ffmpegPath(),
                config.server(),
                config.profiles(),
                config.rules());

        assertThatThrownBy(() -> client.saveConfig(tooMany)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.fields()).containsKey("max_workers");
        });
        assertThat(client.config().maxWorkers()).isEqualTo(2);
    }

    @Test
    void aRefusedJobActionCarriesTheDaemonsReason() {
        client.pauseQueue();
        JobModel queued = client.enqueue(daemon.clip("idle.mov", 1).toString(), "live-qlab");

        assertThatThrownBy(() -> client.retry(queued.id())).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage()).isNotBlank();
        });
        assertThat(client.cancel(queued.id()).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(client.retry(queued.id()).status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void aWrongTokenIsRefused() {
        BulletproofClient stranger = new BulletproofClient(daemon.url(), "not-the-token");

        assertThatThrownBy(stranger::stats)
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void liveUpdatesArriveAndSurviveAnApiRestart() throws InterruptedException {
        BlockingQueue<String> connection = new LinkedBlockingQueue<>();
        List<ServerMessage> messages = new CopyOnWriteArrayList<>();
        try (UpdatesSubscription updates = client.subscribe(messages::add, new ConnectionListener() {
            @Override
            public void connected() {
                connection.add("connected");
            }

            @Override
            public void disconnected(String reason) {
                connection.add("disconnected");
            }

            @Override
            public void reconnected() {
                connection.add("reconnected");
            }
        })) {
            assertThat(connection.poll(10, TimeUnit.SECONDS)).isEqualTo("connected");

            client.pauseQueue();
            RunningDaemon.await(
                    "a queue update",
                    Duration.ofSeconds(10),
                    () -> messages.stream()
                            .anyMatch(
                                    message -> message instanceof ServerMessage.QueueUpdate update && update.paused()));
            JobModel job = client.enqueue(daemon.clip("live.mov", 1).toString(), "live-qlab");
            RunningDaemon.await(
                    "an update of the new job",
                    Duration.ofSeconds(10),
                    () -> messages.stream()
                            .anyMatch(message -> message instanceof ServerMessage.JobUpdate update
                                    && update.job().id().equals(job.id())));

            daemon.stopApi();
            assertThat(connection.poll(10, TimeUnit.SECONDS)).isEqualTo("disconnected");
            assertThat(updates.isConnected()).isFalse();
            daemon.restartApi();
            assertThat(connection.poll(20, TimeUnit.SECONDS)).isEqualTo("reconnected");
            assertThat(updates.isConnected()).isTrue();
        }
    }
}
