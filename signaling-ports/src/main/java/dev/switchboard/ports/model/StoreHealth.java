package dev.switchboard.ports.model;

import java.util.Objects;

/** What a store says about itself: its kind ({@code memory}, {@code postgres}) and whether it answers. */
public record StoreHealth(String kind, boolean available) {
    public StoreHealth {
        Objects.requireNonNull(kind, "kind");
    }
}
