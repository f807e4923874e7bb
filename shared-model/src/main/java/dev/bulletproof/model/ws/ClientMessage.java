package dev.bulletproof.model.ws;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** What a client may send on {@code /ws/updates}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ClientMessage.Subscribe.class, name = "subscribe"),
})
public sealed interface ClientMessage {

    record Ping() implements ClientMessage {}

    /** @param channels any of "jobs", "stats", "queue", "config", "nodes", "alerts" */
    record Subscribe(List<String> channels) implements ClientMessage {}
}
