package dev.bulletproof.daemon.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret every API and WebSocket request must present. Generated on the first start and kept in the
 * data folder, readable by its owner only, where the local desktop client and CLI find it.
 */
public final class ApiToken {

    public static final String FILE_NAME = "token";
    private static final int RANDOM_BYTES = 32;

    private final String value;

    private ApiToken(String value) {
        this.value = value;
    }

    /** Reads {@code <dataFolder>/token}, creating it (owner-only) with a fresh random token when missing or blank. */
    public static ApiToken loadOrCreate(Path dataFolder) {
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                String stored =
                        Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!stored.isEmpty()) {
                    return new ApiToken(stored);
                }
                Files.delete(file);
            }
            return new ApiToken(create(file));
        } catch (IOException e) {
            throw new ApiStartException("cannot read or create the API token " + file + ": " + e.getMessage(), e);
        }
    }

    private static String create(Path file) throws IOException {
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        // Created with owner-only permissions from the start, so the token is never readable by others.
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: no POSIX modes; the per-user data folder's ACL already keeps the file private.
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
        return token;
    }

    /** Compares in constant time, so response timing reveals nothing about how much of a guess was right. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), candidate.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The token itself: only for the startup line that tells the user how to open the dashboard. */
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiToken[hidden]";
    }
}
