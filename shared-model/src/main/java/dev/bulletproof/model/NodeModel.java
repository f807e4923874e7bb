package dev.bulletproof.model;

import java.time.Instant;
import java.util.List;

/**
 * One daemon of the cluster as {@code GET /api/nodes} shows it. A single machine is a cluster of one node.
 *
 * @param id the node's stable id, kept in its data folder (file {@code node-id}) across restarts
 * @param name the host name unless the node was given another
 * @param version the daemon's version
 * @param maxWorkers how many jobs this node runs at once
 * @param busyWorkers jobs processing on this node right now (a paused job holds no worker)
 * @param currentJobs ids of the jobs this node holds now, processing or paused
 * @param encoders the encoders the profiles need that this node's ffmpeg offers
 * @param startedAt when the node's daemon started
 * @param lastHeartbeat when the node was last heard from
 * @param paused true while the node starts no new job
 */
public record NodeModel(
        String id,
        String name,
        String version,
        NodeStatus status,
        int maxWorkers,
        int busyWorkers,
        List<String> currentJobs,
        List<String> encoders,
        Instant startedAt,
        Instant lastHeartbeat,
        boolean paused) {

    public NodeModel {
        currentJobs = currentJobs == null ? List.of() : List.copyOf(currentJobs);
        encoders = encoders == null ? List.of() : List.copyOf(encoders);
    }
}
