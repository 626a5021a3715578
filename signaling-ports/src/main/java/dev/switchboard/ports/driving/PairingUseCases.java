package dev.switchboard.ports.driving;

import java.util.Objects;

/** Every driving port of pairing sessions and their real-time transport, as one value. */
public record PairingUseCases(
        OpenSession openSession,
        JoinSession joinSession,
        LeaveSession leaveSession,
        CloseSession closeSession,
        GetSession getSession,
        SendSignal sendSignal,
        FetchMessages fetchMessages,
        AcknowledgeMessages acknowledgeMessages,
        KeepAlive keepAlive,
        IssueConnectionTicket issueConnectionTicket,
        RedeemConnectionTicket redeemConnectionTicket) {

    public PairingUseCases {
        Objects.requireNonNull(openSession, "openSession");
        Objects.requireNonNull(joinSession, "joinSession");
        Objects.requireNonNull(leaveSession, "leaveSession");
        Objects.requireNonNull(closeSession, "closeSession");
        Objects.requireNonNull(getSession, "getSession");
        Objects.requireNonNull(sendSignal, "sendSignal");
        Objects.requireNonNull(fetchMessages, "fetchMessages");
        Objects.requireNonNull(acknowledgeMessages, "acknowledgeMessages");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(issueConnectionTicket, "issueConnectionTicket");
        Objects.requireNonNull(redeemConnectionTicket, "redeemConnectionTicket");
    }
}
