package dev.bulletproof.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBusTest {

    record Ping(int n) {}

    @Test
    void deliversOnlyEventsOfTheSubscribedType() {
        EventBus bus = new EventBus();
        List<Ping> pings = new ArrayList<>();
        bus.subscribe(Ping.class, pings::add);

        bus.publish(new Ping(1));
        bus.publish("not a ping");
        bus.publish(new Ping(2));

        assertThat(pings).containsExactly(new Ping(1), new Ping(2));
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() {
        EventBus bus = new EventBus();
        List<Ping> seen = new ArrayList<>();
        bus.subscribe(Ping.class, p -> {
            throw new IllegalStateException("boom");
        });
        bus.subscribe(Ping.class, seen::add);

        bus.publish(new Ping(7));

        assertThat(seen).containsExactly(new Ping(7));
    }

    @Test
    void closingTheHandleUnsubscribes() throws Exception {
        EventBus bus = new EventBus();
        List<Ping> seen = new ArrayList<>();
        AutoCloseable handle = bus.subscribe(Ping.class, seen::add);

        bus.publish(new Ping(1));
        handle.close();
        bus.publish(new Ping(2));

        assertThat(seen).containsExactly(new Ping(1));
    }
}
