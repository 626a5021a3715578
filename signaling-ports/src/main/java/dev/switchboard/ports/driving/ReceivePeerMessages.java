package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.PeerMessage;
import dev.switchboard.ports.model.PeerSession;
import dev.switchboard.ports.model.Subscription;
import java.util.List;

/**
 * What waits for a connected peer, oldest first; the transport acknowledges what it has written to the
 * socket, so nothing is lost if the socket drops before it.
 */
public interface ReceivePeerMessages {

    List<PeerMessage> receive(PeerSession session, long afterSequence, int limit);

    void acknowledge(PeerSession session, long upToSequence);

    /**
     * Calls {@code onWake} whenever something may have arrived for the session's peer, or its hold on the id
     * may have changed (a reconnect superseded it), until closed; also from other instances sharing the
     * store. The callback must be quick and must not throw: it should schedule a {@link #receive}.
     */
    Subscription watch(PeerSession session, Runnable onWake);
}
