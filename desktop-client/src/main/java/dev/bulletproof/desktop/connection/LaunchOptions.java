package dev.bulletproof.desktop.connection;

import dev.bulletproof.desktop.DesktopException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The desktop client's command line: {@code --url URL}, {@code --token TOKEN}, {@code --data-dir FOLDER}
 * (each also as {@code --name=value}). All optional: without them the local daemon is found on its own.
 *
 * @param url null for the local daemon's default address
 * @param token null to read it from the data folder
 * @param dataFolder null for the per-user data folder
 */
public record LaunchOptions(URI url, String token, Path dataFolder) {

    public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:8000");

    public static LaunchOptions parse(List<String> args) {
        URI url = null;
        String token = null;
        Path dataFolder = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size() && isOption(name)) {
                value = args.get(++i);
            } else {
                throw new DesktopException(isOption(name) ? name + " needs a value" : usage(arg));
            }
            switch (name) {
                case "--url" -> url = parseUrl(value);
                case "--token" -> token = value.strip();
                case "--data-dir" ->
                    dataFolder = Path.of(value).toAbsolutePath().normalize();
                default -> throw new DesktopException(usage(arg));
            }
        }
        return new LaunchOptions(url, token, dataFolder);
    }

    /** Where to connect first: the --url, else the local daemon's default address. */
    public URI urlOrDefault() {
        return url == null ? DEFAULT_URL : url;
    }

    private static boolean isOption(String name) {
        return name.equals("--url") || name.equals("--token") || name.equals("--data-dir");
    }

    static URI parseUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            if (uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new DesktopException("not an http(s) address: " + value);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new DesktopException("not an http(s) address: " + value, e);
        }
    }

    private static String usage(String arg) {
        return "unknown argument " + arg
                + "; usage: bulletproof desktop [--url URL] [--token TOKEN] [--data-dir FOLDER]";
    }
}
