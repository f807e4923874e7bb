package dev.bulletproof.daemon.api;

import dev.bulletproof.client.DaemonAddressFile;
import dev.bulletproof.model.ServerSettings;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.websocket.WsRouting;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** The daemon's HTTP API and WebSocket feed on the configured address, with token auth. */
public final class ApiServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());

    private final WebServer server;
    private final ApiContext context;
    private final String host;

    private ApiServer(WebServer server, ApiContext context, String host) {
        this.server = server;
        this.context = context;
        this.host = host;
    }

    /**
     * Binds {@code server.host}/{@code server.port} from the daemon's config (or the options' port).
     *
     * @throws ApiStartException when auth is "none" on a non-loopback address, or the port is taken
     */
    public static ApiServer start(Engine engine, ApiOptions options) {
        ServerSettings settings = engine.config().config().server();
        String host = settings.host();
        boolean authOff = "none".equals(settings.auth().toLowerCase(Locale.ROOT));
        if (authOff && !isLoopback(host)) {
            throw new ApiStartException("refusing to listen on " + host + " with auth: none; anyone on the network"
                    + " could control the daemon. Use auth: token, or host: 127.0.0.1");
        }
        int port = options.portOverride() != null ? options.portOverride() : settings.port();
        requirePortFree(host, port);
        ApiToken token = authOff ? null : ApiToken.loadOrCreate(engine.dataFolder());
        Broadcaster broadcaster =
                new Broadcaster(engine.bus(), engine.queue(), engine.history(), engine.schedule(), engine.nodes());
        ApiContext context = new ApiContext(
                engine,
                new AccessRules(token, host, settings.allowedHosts()),
                broadcaster,
                options,
                options.clock().instant());
        WebServerConfig.Builder builder =
                WebServer.builder().host(host).port(port).shutdownHook(false);
        AtomicInteger boundPort = new AtomicInteger(port);
        setup(builder, context, boundPort::get);
        broadcaster.start();
        WebServer server = builder.build().start();
        if (!server.isRunning() || server.port() <= 0) {
            // Helidon logs a bind failure and returns a stopped server rather than throwing.
            broadcaster.close();
            server.stop();
            throw portInUse(host, port, null);
        }
        boundPort.set(server.port());
        ApiServer api = new ApiServer(server, context, host);
        LOG.log(System.Logger.Level.INFO, "API listening on " + api.url());
        api.publishAddress();
        return api;
    }

    /** Checked up front so the user gets one clear sentence instead of a server stack trace. */
    private static void requirePortFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw portInUse(host, port, e);
        }
    }

    private static ApiStartException portInUse(String host, int port, IOException cause) {
        return new ApiStartException(
                "cannot listen on " + host + ":" + port
                        + ": the port is already in use (another daemon running?) or not available; change server.port in the config"
                        + (cause == null ? "" : " (" + cause.getMessage() + ")"),
                cause);
    }

    /** The routes, filters and WebSocket endpoint, for {@link #start} and for tests that build their own server. */
    public static void setup(WebServerConfig.Builder builder, ApiContext context) {
        // The bound port is unknown until the caller starts the server; 0 makes the WebSocket Host check skip it.
        setup(builder, context, () -> 0);
    }

    private static void setup(
            WebServerConfig.Builder builder, ApiContext context, java.util.function.IntSupplier port) {
        // Without TCP_NODELAY a response written in two parts waits for the client's delayed ACK (~40 ms).
        builder.connectionOptions(socket -> socket.tcpNoDelay(true))
                .maxPayloadSize(context.options().maxBodyBytes() * 2)
                .directHandlers(ApiErrors.directHandlers())
                .routing(routing -> {
                    routing.addFilter(
                            new AccessFilter(context.access(), context.options().maxBodyBytes()));
                    ApiErrors.register(routing);
                    services(context).forEach(routing::register);
                    routing.register(new PagesService());
                })
                .addRouting(WsRouting.builder()
                        .endpoint("/ws/updates", new UpdatesEndpoint(context.access(), context.broadcaster(), port)));
    }

    /** Every API resource; the page and fallback routes come after them. */
    static List<HttpService> services(ApiContext context) {
        return List.of(
                new JobsService(context),
                new StatsService(context),
                new ConfigService(context),
                new ProfilesService(context),
                new QueueService(context),
                new ScheduleService(context),
                new NodesService(context),
                new HealthService(context),
                new MetricsService(context),
                new WebhooksService(context));
    }

    public int port() {
        return server.port();
    }

    /** The base URL, without the token. */
    public String url() {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port() + "/";
    }

    /** The URL to open in a browser: it carries the token, which the page exchanges for a cookie. */
    public String dashboardUrl() {
        ApiToken token = context.access().token();
        return token == null ? url() : url() + "?token=" + token.value();
    }

    public Broadcaster broadcaster() {
        return context.broadcaster();
    }

    /**
     * Tells local clients (the CLI's remote verbs, the desktop client) where to find this API: the port
     * may be any, and they should not need the config file to learn it.
     */
    private void publishAddress() {
        try {
            DaemonAddressFile.write(context.engine().dataFolder(), URI.create(url()));
        } catch (IOException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "cannot write the API address into the data folder; local clients need --url: " + e);
        }
    }

    private void withdrawAddress() {
        try {
            DaemonAddressFile.removeIfStill(context.engine().dataFolder(), URI.create(url()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the API address from the data folder: " + e);
        }
    }

    /** Stops accepting requests and closes the WebSocket feed; safe to call more than once. */
    public void stop() {
        if (server.isRunning()) {
            withdrawAddress();
        }
        context.broadcaster().close();
        if (server.isRunning()) {
            server.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    static boolean isLoopback(String host) {
        try {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            return bare.equalsIgnoreCase("localhost")
                    || InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
