package dev.switchboard.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * One PeerJS peer of the load generator: its id, and the ~220-byte CANDIDATE and OFFER messages it relays to its
 * peer, built in place with their intended and queued times in the payload. Arrivals are timed into the stats
 * and, in the closed loop, answered with the next message. Used only on its {@link PeerJsDriver}'s thread.
 */
final class PeerJsConnection extends WebSocketConnection {
    /** The rest of a ~200-byte ICE candidate payload after the send time {@code t}. */
    private static final byte[] PAYLOAD_REST = (",\"candidate\":\"candidate:842163049 1 udp 1677729535 192.0.2.10"
            + " 54321 typ srflx raddr 10.0.0.5 rport 54321 generation 0 ufrag Zp4q network-cost 999\","
            + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"Zp4q\"}}").getBytes(US_ASCII);
    private static final byte[] INTENDED_TIME = "\"t\":".getBytes(US_ASCII);
    private static final byte[] QUEUED_TIME = ",\"q\":".getBytes(US_ASCII);
    private static final byte[] OPEN = "\"OPEN\"".getBytes(US_ASCII);

    final String id;
    private final PeerJsDriver owner;
    private final Stats stats;
    private byte[] candidatePrefix;
    private byte[] offerPrefix;
    private long sent;
    private boolean open;

    PeerJsConnection(String id, PeerJsDriver owner, Stats stats) {
        this.id = id;
        this.owner = owner;
        this.stats = stats;
    }

    void pairWith(PeerJsConnection other) {
        candidatePrefix = prefix("CANDIDATE", other.id);
        offerPrefix = prefix("OFFER", other.id);
    }

    private static byte[] prefix(String type, String dst) {
        return ("{\"type\":\"" + type + "\",\"dst\":\"" + dst + "\",\"payload\":{\"t\":").getBytes(US_ASCII);
    }

    /**
     * Queues one CANDIDATE or OFFER (alternately) to the peer, carrying in its payload the time it was meant to
     * leave ({@code t}) and the time it was queued for writing ({@code q}), which is later by the generator's own
     * lateness.
     */
    void queueRelay(long intendedNanos) {
        byte[] prefix = (sent++ & 1) == 0 ? candidatePrefix : offerPrefix;
        sendText(message().put(prefix).decimal(intendedNanos).put(QUEUED_TIME).decimal(System.nanoTime())
                .put(PAYLOAD_REST));
    }

    @Override
    void text(TextFrame frame) {
        int intendedAt = frame.indexOf(INTENDED_TIME);
        int queuedAt = intendedAt < 0 ? -1 : frame.indexOf(QUEUED_TIME, intendedAt);
        if (queuedAt >= 0) {
            long now = System.nanoTime();
            stats.relayed(now - frame.readLong(intendedAt + INTENDED_TIME.length),
                    now - frame.readLong(queuedAt + QUEUED_TIME.length));
            if (owner.answersArrivals()) {
                queueRelay(System.nanoTime());
            }
        } else if (!open && frame.indexOf(OPEN) >= 0) {
            open = true;
            owner.peerOpened();
        } else {
            stats.failed(id + ": " + frame);
        }
    }

    @Override
    void failed(String what) {
        stats.failed(id + ": " + what);
    }

    @Override
    void closedByServer(int status, String reason) {
        stats.closed(status, id + ": " + reason);
    }
}
