package dev.bulletproof.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.model.NodeModel;
import dev.bulletproof.model.NodeStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each death and each return of a node is told once, from the difference between two readings. */
class NodeDeathsTest {

    private static final Instant HEARD = Instant.parse("2026-03-01T10:00:00Z");

    private final NodeDeaths deaths = new NodeDeaths();

    @Test
    void aNodeThatStopsAnsweringRaisesOneErrorNamingItAndTheJobsItHeld() {
        deaths.observe(List.of(node("a", "encoder-a", NodeStatus.ALIVE), node("b", "encoder-b", NodeStatus.ALIVE)));

        List<Alert> alerts = deaths.observe(
                List.of(node("a", "encoder-a", NodeStatus.ALIVE), node("b", "encoder-b", NodeStatus.DEAD, "7", "9")));
        List<Alert> again = deaths.observe(
                List.of(node("a", "encoder-a", NodeStatus.ALIVE), node("b", "encoder-b", NodeStatus.DEAD)));

        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().level()).isEqualTo("error");
        assertThat(alerts.getFirst().message())
                .contains("encoder-b")
                .contains("stopped answering")
                .contains(HEARD.toString())
                .contains("2 jobs");
        assertThat(alerts.getFirst().jobId()).isNull();
        assertThat(again).as("still dead is no news").isEmpty();
    }

    @Test
    void aNodeThatComesBackIsToldAsInformation() {
        deaths.observe(List.of(node("a", "encoder-a", NodeStatus.ALIVE)));
        deaths.observe(List.of(node("a", "encoder-a", NodeStatus.DEAD)));

        List<Alert> alerts = deaths.observe(List.of(node("a", "encoder-a", NodeStatus.ALIVE)));

        assertThat(alerts).extracting(Alert::level).containsExactly("info");
        assertThat(alerts.getFirst().message()).isEqualTo("node encoder-a is back");
    }

    @Test
    void nodesFirstSeenDeadOrAliveRaiseNothing() {
        assertThat(deaths.observe(
                        List.of(node("a", "encoder-a", NodeStatus.DEAD), node("b", "encoder-b", NodeStatus.ALIVE))))
                .isEmpty();
        assertThat(deaths.observe(List.of(
                        node("a", "encoder-a", NodeStatus.DEAD),
                        node("b", "encoder-b", NodeStatus.ALIVE),
                        node("c", "encoder-c", NodeStatus.DEAD))))
                .as("c joined the list dead")
                .isEmpty();
    }

    @Test
    void aNodeRemovedFromTheListIsForgottenAndItsReturnCountsAsAFirstSighting() {
        deaths.observe(List.of(node("a", "encoder-a", NodeStatus.ALIVE)));

        assertThat(deaths.observe(List.of())).isEmpty();
        assertThat(deaths.observe(List.of(node("a", "encoder-a", NodeStatus.DEAD))))
                .isEmpty();
    }

    @Test
    void severalNodesDyingAtOnceRaiseOneAlertEach() {
        deaths.observe(List.of(
                node("a", "encoder-a", NodeStatus.ALIVE),
                node("b", "encoder-b", NodeStatus.ALIVE),
                node("c", "encoder-c", NodeStatus.ALIVE)));

        List<Alert> alerts = deaths.observe(List.of(
                node("a", "encoder-a", NodeStatus.DEAD),
                node("b", "encoder-b", NodeStatus.ALIVE),
                node("c", "encoder-c", NodeStatus.DEAD)));

        assertThat(alerts)
                .extracting(Alert::message)
                .satisfiesExactly(
                        first -> assertThat(first)
                                .startsWith("node encoder-a stopped answering")
                                .doesNotContain("job"),
                        second -> assertThat(second).startsWith("node encoder-c stopped answering"));
    }

    static NodeModel node(String id, String name, NodeStatus status, String... jobs) {
        return new NodeModel(
                id, name, "1.0", status, 2, jobs.length, List.of(jobs), List.of("libx264"), HEARD, HEARD, false);
    }
}
