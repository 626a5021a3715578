package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.EnterpriseUseCases;
import dev.switchboard.ports.driving.IssuePeerToken;
import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.driving.TransferUseCases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The route table of {@code docs/http-api.md}: the offer routes here, each bound to the use case it drives,
 * then the {@link PairingRoutes}, the {@link TransferRoutes}, the {@link EnterpriseRoutes} and PeerJS tokens.
 */
final class SignalingRoutes {
    private static final String OFFER = "/v1/offers/{offerId}";

    private SignalingRoutes() {}

    static List<Route> create(SignalingUseCases useCases, PairingUseCases pairing, TransferUseCases transfers,
            EnterpriseUseCases enterprise, AdminAccess adminAccess, HttpSettings settings, WireJson json,
            Executor worker, PendingPolls pending, SocketContext sockets, HealthEndpoints health,
            MetricsEndpoint metrics, Optional<IssuePeerToken> peerTokens) {
        var discovery = new DiscoverOffersEndpoints(useCases.discoverOffers());
        var manage = new ManageOfferEndpoints(useCases.updateOfferTags(), useCases.deleteOffer());
        var candidates = new IceCandidatesEndpoints(useCases.addIceCandidates(), useCases.listIceCandidates(), json);
        Duration maxWait = settings.maxEventWait();
        List<Route> offers = List.of(
                Route.open("GET", "/health", health::summary).withQuery(HealthEndpoints.QUERY),
                Route.open("GET", HealthEndpoints.LIVE, health::live),
                Route.open("GET", HealthEndpoints.READY, health::ready),
                Route.open("GET", "/metrics", metrics),
                Route.open("GET", "/openapi.yaml", OpenApiEndpoint.fromClasspath()),
                Route.open("POST", "/v1/credentials", new IssueCredentialEndpoint(useCases.issueCredential(),
                        sockets.edge().rateLimits())),
                Route.signed("POST", "/v1/offers", new PublishOffersEndpoint(useCases.publishOffers())).withJsonBody(),
                Route.open("GET", "/v1/offers", discovery::list).withQuery(DiscoverOffersEndpoints.FILTERS_AND_PAGING),
                Route.open("GET", "/v1/offers/random", discovery::random).withQuery(DiscoverOffersEndpoints.FILTERS),
                Route.open("GET", "/v1/offers/count", discovery::count).withQuery(DiscoverOffersEndpoints.FILTERS),
                Route.open("GET", OFFER, discovery::get),
                Route.signed("DELETE", OFFER, manage::delete),
                Route.signed("PUT", OFFER + "/tags", manage::updateTags).withJsonBody(),
                Route.signed("POST", OFFER + "/answer", new AnswerOfferEndpoint(useCases.answerOffer()))
                        .withJsonBody(),
                Route.signed("POST", OFFER + "/candidates", candidates::add).withJsonBody(),
                Route.signed("GET", OFFER + "/candidates", candidates::list).withQuery(Set.of("after")),
                Route.signed("GET", "/v1/events", new LongPolledPageEndpoint<>(
                        useCases.pollEvents()::poll, page -> page.events().isEmpty(), EventPageJson::from,
                        useCases.watchEvents(), maxWait, worker, pending)).withQuery(PollQuery.NAMES),
                Route.signed("POST", "/v1/batch", new ExecuteBatchEndpoint(useCases.executeBatch(), json))
                        .withJsonBody());
        List<Route> routes = new ArrayList<>(offers);
        routes.addAll(PairingRoutes.create(pairing, useCases, settings, json, worker, pending, sockets));
        routes.addAll(TransferRoutes.create(transfers, sockets.edge().metrics()));
        routes.addAll(EnterpriseRoutes.create(enterprise, adminAccess, json));
        routes.add(Route.signed("POST", "/v1/peerjs/tokens", new IssuePeerTokenEndpoint(peerTokens)).withJsonBody());
        return List.copyOf(routes);
    }
}
