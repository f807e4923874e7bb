package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.BackgroundLoop;
import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.daemon.events.EventBus;
import dev.bulletproof.daemon.jobs.JobEvent;
import dev.bulletproof.daemon.jobs.QueueEvent;
import dev.bulletproof.model.NodeModel;
import dev.bulletproof.model.ws.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps WebSocket clients' view of the cluster's nodes current: reads the node list every {@link #INTERVAL}
 * (heartbeats move on their own, so there is no event to wait for) and soon after a job or the queue
 * changes, sends a nodes_update when the list differs from the last one sent, and raises an alert when a
 * node dies or comes back.
 *
 * <p>The list is read on a thread of its own: with a shared database it is a query, and it must not hold up
 * the job updates of the broadcaster's dispatcher.
 */
final class NodesFeed implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(2);
    /** At most this often after job changes: a burst of finished jobs makes one reading, not one each. */
    private static final Duration MIN_GAP = Duration.ofMillis(250);

    private final ClusterNodes nodes;
    private final EventBus bus;
    private final Consumer<UpdateSession.Outgoing> fanOut;
    private final NodeDeaths deaths = new NodeDeaths();
    private final BlockingQueue<Object> wake = new ArrayBlockingQueue<>(1);
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private List<NodeModel> lastSent;
    private BackgroundLoop loop;

    NodesFeed(ClusterNodes nodes, EventBus bus, Consumer<UpdateSession.Outgoing> fanOut) {
        this.nodes = nodes;
        this.bus = bus;
        this.fanOut = fanOut;
    }

    synchronized void start() {
        subscriptions.add(bus.subscribe(JobEvent.Changed.class, changed -> wake.offer(changed)));
        subscriptions.add(bus.subscribe(QueueEvent.class, queue -> wake.offer(queue)));
        loop = BackgroundLoop.start("ws-nodes", this::round);
    }

    private void round() throws InterruptedException {
        wake.poll(INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        Thread.sleep(MIN_GAP);
        wake.clear();
        List<NodeModel> current = nodes.nodes();
        for (Alert alert : deaths.observe(current)) {
            bus.publish(alert);
        }
        if (!current.equals(lastSent)) {
            lastSent = current;
            fanOut.accept(new UpdateSession.Outgoing(
                    "nodes", "nodes", Broadcaster.json(new ServerMessage.NodesUpdate(current))));
        }
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                // An unsubscribe that fails leaves a subscriber that only offers to a queue nobody reads.
            }
        }
        subscriptions.clear();
        if (loop != null) {
            loop.stop(Duration.ofSeconds(2));
        }
    }
}
