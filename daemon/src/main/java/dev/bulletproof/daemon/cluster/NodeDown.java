package dev.bulletproof.daemon.cluster;

import java.time.Instant;
import java.util.List;

/**
 * A node found dead by the rescue leader. One death is one node and its last heartbeat: the same death seen
 * again (the next round, or another leader after the lead moved) has the same two, a node that came back
 * and died again has a later heartbeat.
 *
 * @param requeuedJobIds the jobs of that node this round gave back to the queue (or failed, out of
 *     attempts); empty when an earlier round did it
 */
public record NodeDown(String nodeId, String name, Instant lastHeartbeat, List<Long> requeuedJobIds) {

    public NodeDown {
        requeuedJobIds = List.copyOf(requeuedJobIds);
    }
}
