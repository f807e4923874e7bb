package dev.bulletproof.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The file in a daemon's data folder that says where its API listens ({@code http://127.0.0.1:8123/}),
 * written once the port is bound and removed when the daemon stops. It sits beside the token, so a client
 * on the same machine finds a daemon on any port, with any config file, from the data folder alone.
 *
 * <p>A daemon that died without cleaning up leaves the file behind; a client then gets "no daemon answers
 * at ..." for that address, which is the truth.
 */
public final class DaemonAddressFile {

    public static final String FILE_NAME = "api-url";

    private DaemonAddressFile() {}

    /** The address written in {@code dataFolder}, if there is a readable one. */
    public static Optional<URI> read(Path dataFolder) {
        try {
            String text = Files.readString(dataFolder.resolve(FILE_NAME), StandardCharsets.UTF_8)
                    .strip();
            URI url = URI.create(text);
            return url.getScheme() != null && url.getHost() != null ? Optional.of(url) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            // Missing or damaged: the caller falls back to its other ways of finding the daemon.
            return Optional.empty();
        }
    }

    /** Replaces the file atomically, so a client never reads half an address. */
    public static void write(Path dataFolder, URI url) throws IOException {
        Path target = dataFolder.resolve(FILE_NAME);
        Path temp = dataFolder.resolve("." + FILE_NAME + ".tmp");
        Files.writeString(temp, url + "\n", StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Removes the file if it still names {@code url}; a daemon started since on the same data folder has
     * written its own address, which must stay.
     */
    public static void removeIfStill(Path dataFolder, URI url) throws IOException {
        if (read(dataFolder).filter(url::equals).isPresent()) {
            Files.deleteIfExists(dataFolder.resolve(FILE_NAME));
        }
    }
}
