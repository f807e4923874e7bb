package dev.bulletproof.daemon.webhooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.webhooks.Delivery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the webhook delivery store does on every dialect; each dialect runs it through a subclass. */
public abstract class DeliveryStoreContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String URL = "https://chat.example/hooks/cues";

    @TempDir
    Path folder;

    private DatabaseFixture fixture;
    private SqlDatabase database;
    private JdbcDeliveryStore store;

    protected abstract DatabaseFixture newDatabase(Path folder);

    @BeforeEach
    void openDatabase() {
        fixture = newDatabase(folder);
        database = fixture.open();
        store = new JdbcDeliveryStore(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aNewDeliveryIsPendingAndDueAtOnce() {
        Delivery added = store.add("d-1", URL, "job.completed", 7L, "{\"event\":\"job.completed\"}", T0);

        assertThat(added.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(added.attempts()).isZero();
        assertThat(added.jobId()).isEqualTo(7L);
        assertThat(store.due(T0, 10)).extracting(Delivery::deliveryId).containsExactly("d-1");
        assertThat(store.nextDue()).contains(T0);
    }

    @Test
    void anEventRecordedOnceByIdIsNotRecordedAgainEvenAfterItWasDelivered() {
        Optional<Delivery> first = store.addOnce("node.down-n1-1000", URL, "node.down", "{\"n\":1}", T0);
        Optional<Delivery> again = store.addOnce("node.down-n1-1000", URL, "node.down", "{\"n\":2}", T0.plusSeconds(1));
        store.delivered(first.orElseThrow().id(), 1, 200, T0.plusSeconds(2));
        Optional<Delivery> later = store.addOnce("node.down-n1-1000", URL, "node.down", "{}", T0.plusSeconds(3));
        Optional<Delivery> nextDeath = store.addOnce("node.down-n1-2000", URL, "node.down", "{}", T0.plusSeconds(3));

        assertThat(first).isPresent();
        assertThat(first.get().payload()).isEqualTo("{\"n\":1}");
        assertThat(again).isEmpty();
        assertThat(later).isEmpty();
        assertThat(nextDeath).isPresent();
        assertThat(store.recent(10))
                .extracting(Delivery::deliveryId)
                .containsExactlyInAnyOrder("node.down-n1-1000", "node.down-n1-2000");
    }

    @Test
    void aClaimedDeliveryIsNotDueUntilItsLeaseRunsOutAndCannotBeClaimedTwice() {
        Delivery added = store.add("d-1", URL, "queue.drained", null, "{}", T0);
        Instant lease = T0.plusSeconds(40);

        assertThat(store.claim(added, lease, T0)).isTrue();
        assertThat(store.claim(added, lease, T0))
                .as("a second sender read the same row")
                .isFalse();
        assertThat(store.due(T0.plusSeconds(39), 10)).isEmpty();
        assertThat(store.due(lease, 10))
                .as("a sender that died mid-attempt leaves it due again")
                .hasSize(1);
    }

    @Test
    void aFailedAttemptSchedulesTheNextAndTheLastOneGivesUp() {
        Delivery added = store.add("d-1", URL, "job.failed", 3L, "{}", T0);
        store.claim(added, T0.plusSeconds(40), T0);
        store.attemptFailed(added.id(), 1, 500, "HTTP 500", T0.plusSeconds(10), T0.plusSeconds(1));

        Delivery retrying = store.recent(1).getFirst();
        assertThat(retrying.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(retrying.attempts()).isEqualTo(1);
        assertThat(retrying.lastStatusCode()).isEqualTo(500);
        assertThat(retrying.lastError()).isEqualTo("HTTP 500");
        assertThat(store.due(T0.plusSeconds(9), 10)).isEmpty();
        assertThat(store.due(T0.plusSeconds(10), 10)).hasSize(1);

        store.attemptFailed(added.id(), 2, null, "connection refused", null, T0.plusSeconds(11));
        Delivery failed = store.recent(1).getFirst();
        assertThat(failed.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(failed.lastStatusCode()).isNull();
        assertThat(store.due(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
        assertThat(store.nextDue()).isEmpty();
    }

    @Test
    void aDeliveredOneIsNoLongerDueAndFinishedOnesArePrunedByAge() {
        Delivery old = store.add("d-1", URL, "job.completed", 1L, "{}", T0);
        store.delivered(old.id(), 1, 204, T0);
        Delivery recent = store.add("d-2", URL, "job.completed", 2L, "{}", T0.plusSeconds(100));
        store.delivered(recent.id(), 2, 200, T0.plusSeconds(100));
        store.add("d-3", URL, "job.completed", 3L, "{}", T0);

        assertThat(store.due(T0.plusSeconds(200), 10))
                .extracting(Delivery::deliveryId)
                .containsExactly("d-3");
        assertThat(store.recent(10)).extracting(Delivery::deliveryId).containsExactly("d-3", "d-2", "d-1");
        assertThat(store.recent(10).get(1).lastStatusCode()).isEqualTo(200);

        assertThat(store.prune(T0.plusSeconds(50)))
                .as("only finished ones older than the cut")
                .isEqualTo(1);
        assertThat(store.recent(10)).extracting(Delivery::deliveryId).containsExactly("d-3", "d-2");
    }
}
