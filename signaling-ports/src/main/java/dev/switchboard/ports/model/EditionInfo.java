package dev.switchboard.ports.model;

import java.util.Objects;
import java.util.Set;

/** The edition a server runs and what it therefore does; {@code adminEnabled} when an admin credential is set. */
public record EditionInfo(Edition edition, Set<Feature> features, boolean adminEnabled) {
    public EditionInfo {
        Objects.requireNonNull(edition, "edition");
        features = Set.copyOf(features);
    }
}
