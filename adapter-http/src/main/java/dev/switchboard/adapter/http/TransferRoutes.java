package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.TransferUseCases;
import java.util.List;

/**
 * The routes of the zero-knowledge transfer relay, each bound to the use case it drives. Creating, claiming,
 * uploading and acknowledging are signed; reading takes only a capability token.
 */
final class TransferRoutes {
    private static final String TRANSFER = "/v1/transfers/{transferId}";
    private static final String CHUNK = TRANSFER + "/chunks/{index}";

    private TransferRoutes() {}

    static List<Route> create(TransferUseCases transfers, HttpMetrics metrics) {
        var endpoints = new TransferEndpoints(transfers);
        var chunks = new ChunkEndpoints(transfers.uploadChunk(), transfers.downloadChunk(), metrics);
        return List.of(
                Route.signed("POST", "/v1/transfers", endpoints::create).withJsonBody(),
                Route.signed("POST", "/v1/transfers/claim", endpoints::claim).withJsonBody(),
                Route.open("GET", TRANSFER, endpoints::get),
                Route.signed("PUT", CHUNK, chunks::upload).withOctetBody(),
                Route.open("GET", CHUNK, chunks::byIndex),
                Route.open("GET", TRANSFER + "/chunks/next", chunks::next),
                Route.signed("POST", CHUNK + "/ack", endpoints::acknowledge));
    }
}
