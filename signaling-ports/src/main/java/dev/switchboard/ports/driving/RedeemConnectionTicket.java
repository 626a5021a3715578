package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;

/** Checks a connection ticket and uses it up; fails with {@code ticket_invalid} otherwise. */
public interface RedeemConnectionTicket {
    Identity redeem(String ticket);
}
