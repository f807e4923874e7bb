package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.events.Alert;
import dev.bulletproof.model.NodeModel;
import dev.bulletproof.model.NodeStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the nodes that died, or came back, between one reading of the node list and the next, so each
 * change is told to the operator once.
 *
 * <p>A node's first sighting raises nothing: a daemon that starts next to a node that died last week must
 * not alert about it again. A node that leaves the list is forgotten without an alert (it was removed, not
 * lost); seen again, it counts as a first sighting.
 */
final class NodeDeaths {

    private final Map<String, NodeStatus> lastSeen = new HashMap<>();

    /** The alerts for the changes since the previous reading; remembers this one for the next. */
    List<Alert> observe(List<NodeModel> nodes) {
        List<Alert> alerts = new ArrayList<>();
        Map<String, NodeStatus> now = new HashMap<>();
        for (NodeModel node : nodes) {
            now.put(node.id(), node.status());
            NodeStatus before = lastSeen.get(node.id());
            if (before == NodeStatus.ALIVE && node.status() == NodeStatus.DEAD) {
                alerts.add(new Alert("error", died(node), null));
            } else if (before == NodeStatus.DEAD && node.status() == NodeStatus.ALIVE) {
                alerts.add(new Alert("info", "node " + node.name() + " is back", null));
            }
        }
        lastSeen.clear();
        lastSeen.putAll(now);
        return alerts;
    }

    private static String died(NodeModel node) {
        int jobs = node.currentJobs().size();
        return "node " + node.name() + " stopped answering (last heartbeat " + node.lastHeartbeat() + ")"
                + (jobs == 0 ? "" : " while it held " + jobs + (jobs == 1 ? " job" : " jobs"));
    }
}
