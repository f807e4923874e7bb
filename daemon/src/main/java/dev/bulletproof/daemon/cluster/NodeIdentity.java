package dev.bulletproof.daemon.cluster;

import dev.bulletproof.daemon.BulletproofException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What this daemon is as a node of a cluster (decision 0019). The id is made once and kept in the data
 * folder, so a restarted daemon is the same node and its start-up recovery finds its own jobs; a copied data
 * folder would make two daemons one node, which is why the id is not derived from the host.
 *
 * @param name how people see the node: the configured node_name, else the host name
 * @param encoders the encoders this node's ffmpeg offers, of those the profiles use
 */
public record NodeIdentity(String id, String name, String version, int maxWorkers, List<String> encoders) {

    static final String ID_FILE = "node-id";
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    public NodeIdentity {
        encoders = List.copyOf(encoders);
    }

    /**
     * The node id kept in {@code dataFolder}, made on first use. The file is written aside and moved into
     * place, so a crash leaves either no id (a new one is made) or a whole one.
     */
    public static String idKeptIn(Path dataFolder) {
        Path file = dataFolder.resolve(ID_FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!ID.matcher(id).matches()) {
                    throw new BulletproofException(
                            file + " does not hold a node id (" + id + "); remove it to make a new one");
                }
                return id;
            }
            String id = UUID.randomUUID().toString();
            Path aside = dataFolder.resolve(ID_FILE + ".new");
            Files.writeString(aside, id + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return id;
        } catch (IOException e) {
            throw new BulletproofException("cannot keep the node id in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The machine's host name, or "localhost" when it cannot be found. */
    public static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
