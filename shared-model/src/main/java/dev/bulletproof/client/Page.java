package dev.bulletproof.client;

import java.util.List;

/**
 * One page of a list and the size of the whole list.
 *
 * @param total how many items match in all (the {@code X-Total-Count} header); the page's size when the
 *     daemon did not say
 */
public record Page<T>(List<T> items, long total) {

    public Page {
        items = List.copyOf(items);
    }
}
