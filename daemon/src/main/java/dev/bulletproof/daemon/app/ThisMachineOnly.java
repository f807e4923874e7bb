package dev.bulletproof.daemon.app;

import dev.bulletproof.daemon.api.ClusterNodes;
import dev.bulletproof.daemon.api.NodeNotFoundException;
import dev.bulletproof.daemon.config.LiveConfig;
import dev.bulletproof.daemon.jobs.Job;
import dev.bulletproof.daemon.jobs.JobFilter;
import dev.bulletproof.daemon.jobs.JobQueries;
import dev.bulletproof.daemon.jobs.QueueControl;
import dev.bulletproof.daemon.media.Profile;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.NodeModel;
import dev.bulletproof.model.NodeStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The cluster of a daemon that shares its queue with no other: this daemon is its one node, always alive
 * (it answers, so it runs), heard from just now, and running every job that has started. Its pause is the
 * queue's pause.
 */
final class ThisMachineOnly implements ClusterNodes {

    private static final System.Logger LOG = System.getLogger(ThisMachineOnly.class.getName());
    private static final int MOST_CURRENT_JOBS = 1000;

    /** What a node is that does not change while it runs. */
    record Identity(String id, String name, String version, Instant startedAt) {}

    private final Identity identity;
    private final QueueControl queue;
    private final JobQueries jobs;
    private final LiveConfig config;
    private final Supplier<Set<String>> ffmpegEncoders;
    private final Clock clock;
    private volatile Set<String> knownEncoders;

    /** @param ffmpegEncoders every encoder this machine's ffmpeg offers; asked once, when first needed */
    ThisMachineOnly(
            Identity identity,
            QueueControl queue,
            JobQueries jobs,
            LiveConfig config,
            Supplier<Set<String>> ffmpegEncoders,
            Clock clock) {
        this.identity = identity;
        this.queue = queue;
        this.jobs = jobs;
        this.config = config;
        this.ffmpegEncoders = ffmpegEncoders;
        this.clock = clock;
    }

    @Override
    public List<NodeModel> nodes() {
        return List.of(thisNode());
    }

    @Override
    public Optional<String> nodeOf(Job job) {
        return job.startedAt() == null ? Optional.empty() : Optional.of(identity.name());
    }

    @Override
    public NodeModel pause(String nodeId) {
        requireThisNode(nodeId);
        queue.pauseQueue();
        return thisNode();
    }

    @Override
    public NodeModel resume(String nodeId) {
        requireThisNode(nodeId);
        queue.resumeQueue();
        return thisNode();
    }

    private void requireThisNode(String nodeId) {
        if (!identity.id().equals(nodeId)) {
            throw new NodeNotFoundException(nodeId);
        }
    }

    private NodeModel thisNode() {
        return new NodeModel(
                identity.id(),
                identity.name(),
                identity.version(),
                NodeStatus.ALIVE,
                queue.maxWorkers(),
                queue.runningCount(),
                currentJobs(),
                encoders(),
                identity.startedAt(),
                clock.instant(),
                queue.isQueuePaused());
    }

    /** The jobs this node's workers hold (on a machine of its own, every job a worker holds). */
    private List<String> currentJobs() {
        return jobs
                .list(new JobFilter(
                        Set.of(JobStatus.PROCESSING, JobStatus.PAUSED), null, null, null, MOST_CURRENT_JOBS, 0))
                .stream()
                // On a shared database the other nodes' jobs are theirs (NodesTable lists them under them).
                .filter(job -> job.nodeId() == null || job.nodeId().equals(identity.id()))
                .map(Job::id)
                .sorted(Comparator.naturalOrder())
                .map(id -> Long.toString(id))
                .toList();
    }

    /**
     * The encoders the configured profiles name that this ffmpeg has: what decides which profiles the node
     * can run (ffmpeg's full list has some two hundred entries nobody asked about).
     */
    private List<String> encoders() {
        Set<String> available = availableEncoders();
        Set<String> wanted = new TreeSet<>();
        for (Profile profile : config.profiles().all()) {
            if (profile.videoCodec() != null && available.contains(profile.videoCodec())) {
                wanted.add(profile.videoCodec());
            }
            if (profile.audioCodec() != null && available.contains(profile.audioCodec())) {
                wanted.add(profile.audioCodec());
            }
        }
        return List.copyOf(wanted);
    }

    private Set<String> availableEncoders() {
        Set<String> known = knownEncoders;
        if (known == null) {
            try {
                known = Set.copyOf(ffmpegEncoders.get());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot list the encoders of ffmpeg for the node list: " + e);
                known = Set.of();
            }
            knownEncoders = known;
        }
        return known;
    }

    /** The host name, as the machine knows itself; a machine without one is named by what it has. */
    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (UnknownHostException e) {
            LOG.log(System.Logger.Level.DEBUG, "no host name from the resolver: " + e);
        }
        String fromEnvironment = System.getenv("HOSTNAME");
        return fromEnvironment == null || fromEnvironment.isBlank() ? "localhost" : fromEnvironment;
    }
}
