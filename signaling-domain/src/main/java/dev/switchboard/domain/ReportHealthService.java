package dev.switchboard.domain;

import dev.switchboard.ports.driven.SignalingStorage;
import dev.switchboard.ports.driving.ReportHealth;
import dev.switchboard.ports.model.StoreHealth;

/** Reports whether the core can serve, which is whether its store answers. */
final class ReportHealthService implements ReportHealth {
    private final SignalingStorage storage;

    ReportHealthService(SignalingStorage storage) {
        this.storage = storage;
    }

    @Override
    public StoreHealth report() {
        return storage.health();
    }
}
