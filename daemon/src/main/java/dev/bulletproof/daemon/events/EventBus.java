package dev.bulletproof.daemon.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The daemon's in-process publish/subscribe channel. Delivery is synchronous on the publisher's thread,
 * so subscribers must be quick and hand slow work (network sends) to their own threads. A subscriber
 * that throws is logged and skipped; it never breaks the publisher or the other subscribers.
 */
public final class EventBus {

    private static final System.Logger LOG = System.getLogger(EventBus.class.getName());

    private record Subscription<T>(Class<T> type, Consumer<? super T> handler) {
        void deliver(Object event) {
            if (type.isInstance(event)) {
                handler.accept(type.cast(event));
            }
        }
    }

    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    /** Delivers every published event that is an instance of {@code type}; returns a handle to unsubscribe. */
    public <T> AutoCloseable subscribe(Class<T> type, Consumer<? super T> handler) {
        Subscription<T> subscription = new Subscription<>(type, handler);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    public void publish(Object event) {
        for (Subscription<?> subscription : subscriptions) {
            try {
                subscription.deliver(event);
            } catch (RuntimeException e) {
                LOG.log(
                        System.Logger.Level.ERROR,
                        "event subscriber failed on " + event.getClass().getSimpleName(),
                        e);
            }
        }
    }
}
