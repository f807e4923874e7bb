package dev.bulletproof.desktop.connection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bulletproof.model.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemons this user connected to, newest first, in a small JSON file in the per-user config folder.
 * Tokens are kept there too (the file is readable by its owner only where the file system allows), the
 * same way the daemon keeps its own token in a file.
 */
public final class RecentDaemons {

    static final int LIMIT = 8;
    private static final System.Logger LOG = System.getLogger(RecentDaemons.class.getName());
    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {};

    private final Path file;
    private final ObjectMapper json = Json.mapper();

    record Entry(String url, String token) {}

    public RecentDaemons(Path file) {
        this.file = file;
    }

    public static RecentDaemons inConfigFolder(Path configFolder) {
        return new RecentDaemons(configFolder.resolve("desktop-recent.json"));
    }

    /** Newest first; empty when the file is missing or unreadable (a broken file never stops the app). */
    public List<DaemonAddress> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<DaemonAddress> addresses = new ArrayList<>();
            for (Entry entry : json.readValue(file.toFile(), ENTRIES)) {
                addresses.add(new DaemonAddress(URI.create(entry.url()), entry.token()));
            }
            return List.copyOf(addresses);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable list of recent daemons " + file, e);
            return List.of();
        }
    }

    /** Puts the address first, dropping an older entry for the same URL and the oldest beyond the limit. */
    public void remember(DaemonAddress address) {
        List<DaemonAddress> addresses = new ArrayList<>(list());
        addresses.removeIf(known -> known.url().equals(address.url()));
        addresses.addFirst(address);
        while (addresses.size() > LIMIT) {
            addresses.removeLast();
        }
        List<Entry> entries = addresses.stream()
                .map(a -> new Entry(a.url().toString(), a.token()))
                .toList();
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".desktop-recent", ".tmp");
            ownerOnly(temp);
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), entries);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remember recent daemons in " + file, e);
        }
    }

    private static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows has no POSIX permissions; it keeps per-user files private through the profile
            // folder's own ACL, so there is nothing to tighten here.
        } catch (IOException e) {
            // The file holds tokens: say so when it could not be made private, rather than carry on silently.
            LOG.log(System.Logger.Level.WARNING, "cannot make " + path + " readable by its owner only", e);
        }
    }
}
