package dev.bulletproof.desktop.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulletproof.desktop.BackgroundCalls;
import dev.bulletproof.model.NodeModel;
import dev.bulletproof.model.NodeStatus;
import dev.bulletproof.model.ws.ServerMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NodesViewModelTest {

    private static final Instant HEARD = Instant.parse("2026-03-01T10:00:00Z");

    private final AtomicReference<Instant> time = new AtomicReference<>(HEARD.plusSeconds(3));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return time.get();
        }
    };
    private final BackgroundCalls calls = new BackgroundCalls(Runnable::run);
    private final NodesViewModel model = new NodesViewModel(() -> null, calls, clock);

    @AfterEach
    void close() {
        calls.close();
    }

    @Test
    void aNodesUpdateReplacesTheListAndTheSummaryCountsTheLiveOnes() {
        model.apply(new ServerMessage.NodesUpdate(
                List.of(node("a", "encoder-a", NodeStatus.ALIVE), node("b", "encoder-b", NodeStatus.ALIVE))));
        assertThat(model.nodes()).extracting(NodeModel::name).containsExactly("encoder-a", "encoder-b");
        assertThat(model.summaryProperty().get()).isEqualTo("2 nodes · 2 alive");
        assertThat(model.deadBannerProperty().get()).isEmpty();

        model.apply(new ServerMessage.NodesUpdate(List.of(node("a", "encoder-a", NodeStatus.ALIVE))));

        assertThat(model.summaryProperty().get()).isEqualTo("1 node · 1 alive");
    }

    @Test
    void aDeadNodeRaisesTheBannerUntilItIsBack() {
        model.apply(new ServerMessage.NodesUpdate(
                List.of(node("a", "encoder-a", NodeStatus.ALIVE), node("b", "encoder-b", NodeStatus.DEAD))));
        assertThat(model.deadBannerProperty().get()).isEqualTo("Node encoder-b is not answering.");
        assertThat(model.summaryProperty().get()).isEqualTo("2 nodes · 1 alive");

        model.apply(new ServerMessage.NodesUpdate(
                List.of(node("a", "encoder-a", NodeStatus.DEAD), node("b", "encoder-b", NodeStatus.DEAD))));
        assertThat(model.deadBannerProperty().get()).isEqualTo("2 nodes are not answering: encoder-a, encoder-b.");

        model.apply(new ServerMessage.NodesUpdate(
                List.of(node("a", "encoder-a", NodeStatus.ALIVE), node("b", "encoder-b", NodeStatus.ALIVE))));
        assertThat(model.deadBannerProperty().get()).isEmpty();
    }

    @Test
    void theSelectionFollowsTheNodeByIdAcrossUpdatesAndTheOnlyNodeIsSelected() {
        model.apply(new ServerMessage.NodesUpdate(List.of(node("a", "encoder-a", NodeStatus.ALIVE))));
        assertThat(model.selectedProperty().get().id()).isEqualTo("a");

        model.apply(new ServerMessage.NodesUpdate(
                List.of(node("b", "encoder-b", NodeStatus.ALIVE), node("a", "encoder-a", NodeStatus.DEAD))));

        assertThat(model.selectedProperty().get().id()).isEqualTo("a");
        assertThat(model.selectedProperty().get().status()).isEqualTo(NodeStatus.DEAD);
    }

    @Test
    void otherMessagesLeaveTheNodesAlone() {
        model.apply(new ServerMessage.NodesUpdate(List.of(node("a", "encoder-a", NodeStatus.ALIVE))));

        model.apply(new ServerMessage.QueueUpdate(true, 2));
        model.apply(new ServerMessage.Alert("error", "boom", null));

        assertThat(model.nodes()).hasSize(1);
    }

    @Test
    void theHeartbeatAgeCountsOnWithTheClock() {
        NodeModel node = node("a", "encoder-a", NodeStatus.ALIVE);
        assertThat(NodesViewModel.heartbeatText(node, model.nowProperty().get()))
                .isEqualTo("3 s ago");

        time.set(HEARD.plusSeconds(125));
        model.tick();

        assertThat(NodesViewModel.heartbeatText(node, model.nowProperty().get()))
                .isEqualTo("2 min ago");
        assertThat(NodesViewModel.heartbeatText(node, HEARD.minusSeconds(2))).isEqualTo("just now");
    }

    @Test
    void workersJobsStateAndTheSwitchReadAsTheyShould() {
        NodeModel busy = new NodeModel(
                "a", "encoder-a", "1.0", NodeStatus.ALIVE, 4, 1, List.of("12", "14"), List.of(), HEARD, HEARD, true);

        assertThat(NodesViewModel.workersText(busy)).isEqualTo("1 / 4 busy");
        assertThat(NodesViewModel.currentJobsText(busy)).isEqualTo("#12, #14");
        assertThat(NodesViewModel.currentJobsText(node("b", "b", NodeStatus.ALIVE)))
                .isEqualTo("none");
        assertThat(NodesViewModel.stateText(busy)).isEqualTo("paused: starts no new job");
        assertThat(NodesViewModel.stateText(node("b", "b", NodeStatus.ALIVE))).isEqualTo("taking jobs");
        assertThat(NodesViewModel.stateText(node("b", "b", NodeStatus.DEAD))).isEqualTo("not answering");
        assertThat(NodesViewModel.pauseLabel(busy)).isEqualTo("Resume node");
        assertThat(NodesViewModel.pauseLabel(node("b", "b", NodeStatus.ALIVE))).isEqualTo("Pause node");
        assertThat(NodesViewModel.pauseLabel(null)).isEqualTo("Pause node");
    }

    @Test
    void aDeadNodeIsNotAskedToPause() {
        model.apply(new ServerMessage.NodesUpdate(List.of(node("a", "encoder-a", NodeStatus.DEAD))));

        // The client is null here: asking the daemon would end in a failure message.
        model.togglePauseSelected();

        assertThat(model.messageProperty().get()).isEmpty();
    }

    private static NodeModel node(String id, String name, NodeStatus status) {
        return new NodeModel(id, name, "1.0", status, 2, 0, List.of(), List.of("libx264"), HEARD, HEARD, false);
    }
}
