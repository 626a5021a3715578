/**
 * The HTTP adapter: the REST API of {@code docs/http-api.md} and the WebSocket of {@code docs/websocket.md}
 * on Netty (Linux's epoll where available), with Jackson for JSON. {@link dev.switchboard.adapter.http.SignalingHttpServer} (configured
 * by {@link dev.switchboard.adapter.http.HttpSettings} and
 * {@link dev.switchboard.adapter.http.WebSocketSettings}, {@link dev.switchboard.adapter.http.EdgeSettings} and
 * {@link dev.switchboard.adapter.http.TlsSettings}) is the entry, started through its builder.
 *
 * <p>The transport: {@code HttpChannels} sets up each connection (TLS, the HTTP/1.1 codec); its
 * {@code HttpConnection} serves one {@code HttpExchange} at a time (pipelined requests wait their turn), reads
 * only when it has a use for the bytes, and applies the idle and header read timeouts, with {@code HeadWatch}
 * telling it when a head starts to arrive. Each step of the chain is an {@code ExchangeHandler}; facts travel
 * along as typed attachments ({@code AttachmentKey}); {@code RequestTarget} splits the target as routing and
 * signatures need it, and {@code ChunkedBody} writes a streamed answer.
 *
 * <p>The edge, where every request enters: {@code EdgeHandler} gives it an id ({@code RequestIds}, also in
 * the MDC) and a {@code ClientView} (the client's address and the scheme and authority it addressed, believing
 * forwarding headers only from {@code TrustedProxies}), adds {@code SecurityHeaders} and {@code Cors} headers
 * to every response, answers preflights, refuses oversized heads, starts the {@code RequestDeadline}, and
 * records {@code HttpMetrics}. Then {@code ShutdownGate} counts requests in flight, and
 * {@code AddressRateLimit} spends the address's budget through {@code RateLimits}, which also writes the
 * rate-limit headers. {@code HealthEndpoints} serves the probes, {@code MetricsEndpoint} the scrape.
 * {@code WebFiles}, when enabled, answers the JavaScript client and the demo page from memory before the
 * router, with the page's policy from {@code SecurityHeaders}.
 *
 * <p>Inside, {@code SignalingRoutes} and {@code PairingRoutes} are the route table; {@code Router} matches
 * a request to a {@code Route} through {@code PathTemplates}; {@code RouteHandler} reads its body within limits, builds the
 * {@code SignedRequest} and runs its {@code Endpoint} on a worker; endpoints map wire records
 * ({@code PublishOffersJson}, {@code SessionJson}, {@code MessageJson}, ...) to and from the port records;
 * {@code ReplyWriter} writes the {@code Reply}; {@code ErrorStatus} is the one table from error code to
 * HTTP status; {@code LongPoll} waits for events or messages without a thread. {@code WireJson} is the one,
 * strict Jackson configuration, and {@code FlatJsonReader} its streaming reader for signals, whose payload
 * travels as raw JSON.
 *
 * <p>The transfer relay ({@code TransferRoutes}): {@code TransferEndpoints} and {@code ChunkEndpoints}, with
 * capability tokens read by {@code BearerTokens} (none at all is {@code BearerTokenMissing}, a 401) and chunk
 * uploads read as {@code application/octet-stream} within their own limit. Editions, the device registry and
 * the admin surface ({@code EnterpriseRoutes}): {@code DeviceEndpoints}, and behind {@code AdminAccess} (which
 * makes the admin paths vanish while no admin credential is configured) {@code AdminDeviceEndpoints} and
 * {@code AuditEndpoints}, whose export is a {@code Reply.Stream} of JSON lines written page by page. PeerJS
 * tokens for the PeerJS port: {@code IssuePeerTokenEndpoint}.
 *
 * <p>The WebSocket: {@code WebSocketEndpoint} checks everything before the upgrade (headers, the address's
 * limit in {@code OpenSockets}, the ticket) and {@code SocketHandshake} switches protocols. Each socket is a
 * {@code WebSocketConnection}: {@code InboundFrames} and {@code Heartbeat} run on its event loop (frames,
 * pings, idleness, the {@code FrameRateLimit} of {@code transport-netty}); its {@code DrainLoop} runs
 * {@code ClientFrames} (signal and ack frames) and {@code Deliveries} (pushes) on a worker, or on the event
 * loop when the use cases never block, one round at a time, and {@code Outbox} writes each round's frames as
 * one batch.
 */
package dev.switchboard.adapter.http;
