package dev.bulletproof.daemon.api;

import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.model.NodeModel;
import java.util.List;
import java.util.Optional;

/**
 * The nodes of the cluster as the API shows them: every daemon that shares this one's queue, this one
 * included. On a single machine that is this daemon alone; with a shared database it is the nodes table.
 */
public interface ClusterNodes {

    /** Every known node, alive or dead, in a stable order. */
    List<NodeModel> nodes();

    /** The name of the node that runs or ran the job; empty while no node has claimed it. */
    Optional<String> nodeOf(Job job);

    /**
     * Stops the node from starting new jobs; its running jobs carry on.
     *
     * @throws NodeNotFoundException when no node has this id
     */
    NodeModel pause(String nodeId);

    /** @throws NodeNotFoundException when no node has this id */
    NodeModel resume(String nodeId);

    /**
     * Pauses (or resumes) every node of the cluster, dead ones included (they apply it when they come
     * back), and answers the nodes as they were asked to be.
     */
    default List<NodeModel> pauseAll(boolean pause) {
        for (NodeModel node : nodes()) {
            if (pause) {
                pause(node.id());
            } else {
                resume(node.id());
            }
        }
        return nodes();
    }

    /** @throws NodeNotFoundException when no node has this id */
    default NodeModel node(String nodeId) {
        return nodes().stream()
                .filter(node -> node.id().equals(nodeId))
                .findFirst()
                .orElseThrow(() -> new NodeNotFoundException(nodeId));
    }
}
