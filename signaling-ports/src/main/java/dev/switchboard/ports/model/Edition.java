package dev.switchboard.ports.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a server offers: the public, ephemeral Consumer edition or the self-hosted Enterprise edition. */
public enum Edition {
    /** Public and ephemeral: offers, pairing and the transfer relay, nothing kept about who did what. */
    CONSUMER(EnumSet.of(Feature.OFFERS, Feature.PAIRING, Feature.TRANSFER_RELAY)),
    /** Self-hosted: everything Consumer does, plus the device registry and the audit log. */
    ENTERPRISE(EnumSet.allOf(Feature.class));

    private final Set<Feature> features;

    Edition(Set<Feature> features) {
        this.features = Collections.unmodifiableSet(features);
    }

    public Set<Feature> features() {
        return features;
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
