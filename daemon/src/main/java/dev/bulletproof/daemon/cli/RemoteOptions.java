package dev.bulletproof.daemon.cli;

import dev.bulletproof.client.ApiException;
import dev.bulletproof.client.AppDirectories;
import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.client.DaemonAddressFile;
import dev.bulletproof.client.DaemonUnreachableException;
import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.config.ConfigStore;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.ServerSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --url}, {@code --token}, {@code --config} and {@code --data-dir}, shared by the verbs that talk to
 * a running daemon. With none of them they find the local daemon by themselves: the address it wrote into
 * its data folder when it started (whatever its port), and the token beside it.
 *
 * <p>Where the address comes from, first found wins: {@code --url}, {@code $BULLETPROOF_URL}, the server
 * section of {@code --config}, the data folder's address file, the server section of ./bulletproof.yaml or
 * the per-user config, http://127.0.0.1:8000. The token: {@code --token}, {@code $BULLETPROOF_TOKEN}, the
 * data folder's token file, which is only sent to a daemon on this machine (or with {@code --data-dir}), so
 * pointing {@code --url} at another host never hands it this machine's token.
 */
final class RemoteOptions {

    static final String URL_VARIABLE = "BULLETPROOF_URL";
    static final String TOKEN_VARIABLE = "BULLETPROOF_TOKEN";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "the daemon's address; default: $" + URL_VARIABLE
                    + ", else the address the local daemon wrote into its data folder, else the config's"
                    + " server section, else http://127.0.0.1:8000")
    URI url;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "the API token; default: $" + TOKEN_VARIABLE + ", else the token file in the data folder")
    String token;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "the daemon's YAML configuration file, to take its address from its server section")
    Path config;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "the daemon's data folder, where its address and token are; default: the per-user data" + " folder")
    Path dataDir;

    /** Read once per command; a field so tests of the resolution order can hand in their own. */
    Map<String, String> environment = System.getenv();

    private URI resolvedUrl;

    /** Runs one call, turning every API failure into a message for the console and a non-zero exit. */
    <T> T call(Function<BulletproofClient, T> request) {
        BulletproofClient client = new BulletproofClient(url(), token());
        try {
            return request.apply(client);
        } catch (DaemonUnreachableException e) {
            throw new CommandFailedException("no daemon answers at " + client.baseUrl()
                    + "; start one with ./bulletproof daemon (" + e.getMessage() + ")");
        } catch (ApiException e) {
            throw new CommandFailedException(explain(e));
        }
    }

    private static String explain(ApiException e) {
        if (e.status() == 401 || e.status() == 403) {
            return e.getMessage() + " (pass --token or set " + TOKEN_VARIABLE
                    + ", or --data-dir of the daemon whose token to use)";
        }
        return e.getMessage();
    }

    /** Resolved once, so a config problem is reported once per command. */
    URI url() {
        if (resolvedUrl == null) {
            resolvedUrl = resolveUrl();
        }
        return resolvedUrl;
    }

    private URI resolveUrl() {
        if (url != null) {
            return url;
        }
        Optional<String> fromEnvironment = variable(URL_VARIABLE);
        if (fromEnvironment.isPresent()) {
            try {
                return URI.create(fromEnvironment.get());
            } catch (IllegalArgumentException e) {
                throw new CommandFailedException(
                        URL_VARIABLE + " is not a URL: '" + fromEnvironment.get() + "' (" + e.getMessage() + ")");
            }
        }
        if (config != null) {
            return urlOf(serverSettings(config.toAbsolutePath()));
        }
        Optional<URI> published = DaemonAddressFile.read(dataFolder());
        if (published.isPresent()) {
            return published.get();
        }
        return urlOf(serverSettings(localConfigFile()));
    }

    String token() {
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        Optional<String> fromEnvironment = variable(TOKEN_VARIABLE);
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get().strip();
        }
        if (dataDir == null && !isOnThisMachine(url())) {
            return null;
        }
        Path file = dataFolder().resolve("token");
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            // A daemon with auth: none has no token; one that needs it will say so.
            return null;
        } catch (IOException e) {
            throw new BulletproofException("cannot read the API token " + file + ": " + e.getMessage(), e);
        }
    }

    private Path dataFolder() {
        return AppDirectories.forCurrentUser().dataFolder(dataDir);
    }

    private Optional<String> variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Path localConfigFile() {
        Path workingFolder = Path.of("").toAbsolutePath();
        return AppDirectories.forCurrentUser().configFile(null, workingFolder);
    }

    private static URI urlOf(ServerSettings server) {
        return URI.create("http://" + hostToDial(server.host()) + ":" + server.port());
    }

    private ServerSettings serverSettings(Path configFile) {
        ServerSettings defaults = ServerSettings.defaults();
        if (!Files.isRegularFile(configFile)) {
            if (config != null) {
                throw new CommandFailedException("no config file at " + configFile);
            }
            // Reading a missing file would log "using the defaults": a client verb prints no log records.
            return defaults;
        }
        try {
            ConfigModel model =
                    new ConfigStore(configFile, ProfileCatalog.builtins().names()).loadModel();
            ServerSettings server = model.server();
            if (server == null) {
                return defaults;
            }
            return new ServerSettings(
                    server.host() == null || server.host().isBlank() ? defaults.host() : server.host(),
                    server.port() > 0 ? server.port() : defaults.port(),
                    server.auth());
        } catch (BulletproofException e) {
            spec.commandLine()
                    .getErr()
                    .println("warning: cannot read the server section of " + configFile + " (" + e.getMessage()
                            + "); trying " + defaults.host() + ":" + defaults.port());
            return defaults;
        }
    }

    /** A daemon listening on every interface is reached through loopback from this machine. */
    static String hostToDial(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals("0.0.0.0") || bare.equals("::") || bare.equals("*")) {
            return "127.0.0.1";
        }
        return bare.contains(":") ? "[" + bare + "]" : bare;
    }

    /** Loopback by name or number; no DNS query for other names (they count as elsewhere). */
    static boolean isOnThisMachine(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
