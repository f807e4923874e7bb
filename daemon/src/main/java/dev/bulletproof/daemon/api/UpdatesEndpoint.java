package dev.bulletproof.daemon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bulletproof.model.ws.ClientMessage;
import dev.bulletproof.model.ws.ServerMessage;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * {@code /ws/updates}: the live feed. The upgrade is checked like any API call (Host, token) plus the
 * browser's Origin, which must be this server's own so another web page cannot read the feed.
 */
final class UpdatesEndpoint implements WsListener {

    static final int OUTBOX_CAPACITY = 256;
    private static final System.Logger LOG = System.getLogger(UpdatesEndpoint.class.getName());

    private final AccessRules access;
    private final Broadcaster broadcaster;
    private final IntSupplier port;
    private final Map<WsSession, UpdateSession> sessions = new ConcurrentHashMap<>();

    UpdatesEndpoint(AccessRules access, Broadcaster broadcaster, IntSupplier port) {
        this.access = access;
        this.broadcaster = broadcaster;
        this.port = port;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        String host = headers.first(HeaderNames.HOST).orElse(null);
        if (!access.hostAllowed(host, null, port.getAsInt())) {
            throw new WsUpgradeException("foreign Host header");
        }
        if (!access.originAllowed(headers.first(HeaderNames.ORIGIN).orElse(null), host)) {
            throw new WsUpgradeException("foreign Origin");
        }
        if (!access.authorized(
                headers.first(HeaderNames.AUTHORIZATION).orElse(null),
                headers.first(HeaderNames.COOKIE).orElse(null))) {
            throw new WsUpgradeException("missing or wrong token");
        }
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession socket) {
        UpdateSession session = new UpdateSession(socket, OUTBOX_CAPACITY);
        sessions.put(socket, session);
        session.start();
        session.offer(broadcaster.greeting());
        broadcaster.add(session);
    }

    @Override
    public void onMessage(WsSession socket, String text, boolean last) {
        UpdateSession session = sessions.get(socket);
        String whole = session == null ? null : session.append(text, last);
        if (whole == null) {
            return;
        }
        try {
            switch (JsonBodies.MAPPER.readValue(whole, ClientMessage.class)) {
                case ClientMessage.Ping ping ->
                    session.offer(UpdateSession.Outgoing.unique("control", Broadcaster.json(new ServerMessage.Pong())));
                case ClientMessage.Subscribe subscribe -> session.subscribe(channels(subscribe));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, "ignored an unreadable WebSocket message: " + e.getMessage());
        }
    }

    private static Set<String> channels(ClientMessage.Subscribe subscribe) {
        if (subscribe.channels() == null) {
            return UpdateSession.ALL_CHANNELS;
        }
        Set<String> wanted = new HashSet<>(subscribe.channels());
        wanted.retainAll(UpdateSession.ALL_CHANNELS);
        return wanted;
    }

    @Override
    public void onClose(WsSession socket, int status, String reason) {
        forget(socket);
    }

    @Override
    public void onError(WsSession socket, Throwable error) {
        LOG.log(System.Logger.Level.DEBUG, "WebSocket error: " + error);
        forget(socket);
    }

    private void forget(WsSession socket) {
        UpdateSession session = sessions.remove(socket);
        if (session != null) {
            session.close();
            broadcaster.remove(session);
        }
    }
}
