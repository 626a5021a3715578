package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.SignalingUseCases;
import java.util.List;
import java.util.concurrent.Executor;

/** The routes of pairing sessions ({@code docs/pairing.md}), each bound to the use case it drives. */
final class PairingRoutes {
    private static final String SESSION = "/v1/sessions/{sessionId}";

    private PairingRoutes() {}

    static List<Route> create(PairingUseCases pairing, SignalingUseCases signaling, HttpSettings settings,
            WireJson json, Executor worker, PendingPolls pending, SocketContext sockets) {
        var manage = new ManageSessionEndpoints(pairing.getSession(), pairing.leaveSession(), pairing.closeSession());
        var joinLinks = new JoinLinks(settings.publicBaseUrl());
        return List.of(
                Route.signed("POST", "/v1/sessions", new OpenSessionEndpoint(pairing.openSession(), joinLinks))
                        .withJsonBody(),
                Route.signed("POST", "/v1/sessions/join", new JoinSessionEndpoint(pairing.joinSession()))
                        .withJsonBody(),
                Route.signed("GET", SESSION, manage::get),
                Route.signed("DELETE", SESSION, manage::close),
                Route.signed("POST", SESSION + "/leave", manage::leave),
                Route.signed("POST", SESSION + "/signals", new SendSignalEndpoint(pairing.sendSignal(),
                        WireJson.strictFactory(settings.maxRequestBodyBytes(), settings.edge().maxJsonDepth())))
                        .withJsonBody(),
                Route.signed("GET", "/v1/messages", new LongPolledPageEndpoint<>(
                        pairing.fetchMessages()::fetch, page -> page.messages().isEmpty(), MessagePageJson::from,
                        signaling.watchEvents(), settings.maxEventWait(), worker, pending)).withQuery(PollQuery.NAMES),
                Route.signed("POST", "/v1/messages/ack", new AcknowledgeMessagesEndpoint(pairing.acknowledgeMessages()))
                        .withJsonBody(),
                Route.signed("POST", "/v1/tickets", new IssueTicketEndpoint(pairing.issueConnectionTicket())),
                Route.open("GET", "/v1/ws", new WebSocketEndpoint(pairing.redeemConnectionTicket(), sockets.sockets(),
                        new SocketHandshake(sockets), sockets.edge())).withQuery(WebSocketEndpoint.QUERY));
    }
}
