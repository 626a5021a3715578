/**
 * The HTTP adapter: the REST API of {@code docs/http-api.md} on Undertow, with Jackson for JSON.
 * {@link dev.switchboard.adapter.http.SignalingHttpServer} (configured by
 * {@link dev.switchboard.adapter.http.HttpSettings}) is the only public type.
 *
 * <p>Inside, {@code SignalingRoutes} is the route table; {@code Router} matches a request to a
 * {@code Route}; {@code RouteHandler} reads its body within limits, builds the {@code SignedRequest} and
 * runs its {@code Endpoint} on a worker; endpoints map wire records ({@code PublishOffersJson},
 * {@code OfferJson}, ...) to and from the port records; {@code ReplyWriter} writes the {@code Reply};
 * {@code ErrorStatus} is the one table from error code to HTTP status; {@code LongPoll} waits for events
 * without a thread. {@code WireJson} is the one, strict Jackson configuration.
 */
package dev.switchboard.adapter.http;
