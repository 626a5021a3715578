package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.ConnectionTicket;
import dev.switchboard.ports.model.Identity;

/** Issues a short-lived, single-use ticket that opens a WebSocket as the (signed) caller. */
public interface IssueConnectionTicket {
    ConnectionTicket issue(Identity caller);
}
