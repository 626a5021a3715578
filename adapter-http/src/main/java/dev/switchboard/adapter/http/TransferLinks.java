package dev.switchboard.adapter.http;

import dev.switchboard.ports.model.TransferId;

/**
 * Where a transfer's resources are, as paths relative to the server: the transfer itself and the template
 * of its chunks. Relative, so they never depend on a {@code Host} the client chose.
 */
record TransferLinks(String self, String chunk, String next) {

    static TransferLinks of(TransferId id) {
        String self = "/v1/transfers/" + id.value();
        return new TransferLinks(self, self + "/chunks/{index}", self + "/chunks/next");
    }
}
