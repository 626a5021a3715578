package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.StoreHealth;

/** Says whether the core can serve: the store's kind and whether it answers. */
public interface ReportHealth {
    StoreHealth report();
}
