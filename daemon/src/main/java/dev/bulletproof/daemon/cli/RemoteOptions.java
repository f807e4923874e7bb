package dev.bulletproof.daemon.cli;

import dev.bulletproof.client.ApiException;
import dev.bulletproof.client.AppDirectories;
import dev.bulletproof.client.BulletproofClient;
import dev.bulletproof.client.DaemonUnreachableException;
import dev.bulletproof.daemon.BulletproofException;
import dev.bulletproof.daemon.config.ConfigStore;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.model.ConfigModel;
import dev.bulletproof.model.ServerSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --url}, {@code --token}, {@code --config} and {@code --data-dir}, shared by the verbs that talk to
 * a running daemon. Without options they find the daemon the way {@code bulletproof daemon} set it up: the
 * address from the config's server section and the token from the data folder.
 */
final class RemoteOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "the daemon's address; default: from the config's server section, else http://127.0.0.1:8000")
    URI url;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "the API token; default: the token file in the data folder")
    String token;

    @Option(names = "--config", paramLabel = "FILE", description = "the daemon's YAML configuration file")
    Path config;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "the daemon's data folder, where its token is; default: the per-user data folder")
    Path dataDir;

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
            return e.getMessage() + " (pass --token, or --data-dir of the daemon whose token to use)";
        }
        return e.getMessage();
    }

    /** Resolved once, so a config problem is reported once per command. */
    URI url() {
        if (url == null) {
            ServerSettings server = serverSettings();
            url = URI.create("http://" + hostToDial(server.host()) + ":" + server.port());
        }
        return url;
    }

    String token() {
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        Path file = AppDirectories.forCurrentUser().dataFolder(dataDir).resolve("token");
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            // A daemon with auth: none has no token; one that needs it will say so.
            return null;
        } catch (IOException e) {
            throw new BulletproofException("cannot read the API token " + file + ": " + e.getMessage(), e);
        }
    }

    private ServerSettings serverSettings() {
        AppDirectories directories = AppDirectories.forCurrentUser();
        Path workingFolder = Path.of("").toAbsolutePath();
        Path configFile = directories.configFile(config, workingFolder);
        if (config == null && !Files.exists(configFile)) {
            configFile = workingFolder.resolve(AppDirectories.CONFIG_FILE_NAME);
        }
        ServerSettings defaults = ServerSettings.defaults();
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
}
