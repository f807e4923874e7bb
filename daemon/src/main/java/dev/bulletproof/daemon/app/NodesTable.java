package dev.bulletproof.daemon.app;

import dev.bulletproof.daemon.api.ClusterNodes;
import dev.bulletproof.daemon.api.NodeNotFoundException;
import dev.bulletproof.daemon.cluster.Node;
import dev.bulletproof.daemon.cluster.jdbc.NodeRegistry;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobQueries;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.NodeModel;
import dev.bulletproof.model.NodeStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster as the API shows it: this daemon as {@link ThisMachineOnly} describes it (its own figures,
 * read live), and every other node from the {@code nodes} table, alive or dead by the database's clock.
 * A job names the node its last claim recorded; a job claimed before nodes were recorded names this
 * daemon on a machine of its own, and nobody on a shared database (it cannot be told whose it was).
 */
final class NodesTable implements ClusterNodes {

    private static final int MOST_CURRENT_JOBS = 1000;

    private final ThisMachineOnly self;
    private final String selfId;
    private final NodeRegistry registry;
    private final JobQueries jobs;
    private final boolean shared;
    /** Names of the nodes seen in the table, so a job's node is named without a query per job. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    NodesTable(ThisMachineOnly self, String selfId, NodeRegistry registry, JobQueries jobs, boolean shared) {
        this.self = self;
        this.selfId = selfId;
        this.registry = registry;
        this.jobs = jobs;
        this.shared = shared;
    }

    @Override
    public List<NodeModel> nodes() {
        NodeModel me = self.nodes().getFirst();
        names.put(me.id(), me.name());
        List<NodeModel> all = new ArrayList<>();
        all.add(me);
        for (Node node : registry.nodes()) {
            names.put(node.id(), node.name());
            if (!node.id().equals(selfId)) {
                all.add(modelOf(node));
            }
        }
        all.sort(Comparator.comparing(NodeModel::name).thenComparing(NodeModel::id));
        return List.copyOf(all);
    }

    private NodeModel modelOf(Node node) {
        return new NodeModel(
                node.id(),
                node.name(),
                node.version(),
                node.alive() ? NodeStatus.ALIVE : NodeStatus.DEAD,
                node.maxWorkers(),
                node.busyWorkers(),
                currentJobsOf(node.id()),
                node.encoders(),
                node.startedAt(),
                node.lastHeartbeat(),
                node.pausedAsWanted());
    }

    private List<String> currentJobsOf(String nodeId) {
        return jobs
                .list(new JobFilter(
                        Set.of(JobStatus.PROCESSING, JobStatus.PAUSED), null, null, null, MOST_CURRENT_JOBS, 0))
                .stream()
                .filter(job -> nodeId.equals(job.nodeId()))
                .map(job -> Long.toString(job.id()))
                .toList();
    }

    @Override
    public Optional<String> nodeOf(Job job) {
        if (job.nodeId() == null) {
            return shared ? Optional.empty() : self.nodeOf(job);
        }
        if (job.nodeId().equals(selfId)) {
            return self.nodeOf(job).or(() -> Optional.of(names.getOrDefault(selfId, selfId)));
        }
        String name = names.get(job.nodeId());
        if (name == null) {
            registry.nodes().forEach(node -> names.put(node.id(), node.name()));
            name = names.get(job.nodeId());
        }
        // A node that left the table (stopped cleanly) is still named by its id.
        return Optional.of(name == null ? job.nodeId() : name);
    }

    @Override
    public NodeModel pause(String nodeId) {
        return nodeId.equals(selfId) ? self.pause(nodeId) : request(nodeId, true);
    }

    @Override
    public NodeModel resume(String nodeId) {
        return nodeId.equals(selfId) ? self.resume(nodeId) : request(nodeId, false);
    }

    /**
     * Another node's pause is its own queue's: the request is written to its row and applied by that node at
     * its next heartbeat (within heartbeat_seconds; a node that is away applies it when it comes back). The
     * answer shows the node as it was asked to be.
     */
    private NodeModel request(String nodeId, boolean pause) {
        if (!registry.requestPause(nodeId, pause)) {
            throw new NodeNotFoundException(nodeId);
        }
        return registry.nodes().stream()
                .filter(node -> node.id().equals(nodeId))
                .findFirst()
                .map(this::modelOf)
                .orElseThrow(() -> new NodeNotFoundException(nodeId));
    }
}
