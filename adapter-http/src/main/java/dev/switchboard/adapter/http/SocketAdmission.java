package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.Identity;
import java.util.OptionalLong;

/**
 * A WebSocket request that passed every check before the upgrade: whose socket it will be (the ticket's
 * identity), where its pushes start, and the address place it holds.
 */
record SocketAdmission(Identity owner, long after, OptionalLong eventsAfter, OpenSockets.Slot slot) {}
