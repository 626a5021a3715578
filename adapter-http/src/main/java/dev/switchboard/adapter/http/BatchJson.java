package dev.switchboard.adapter.http;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.BatchOperation;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /v1/batch}. Every operation is mapped before any runs, so one invalid operation
 * refuses the whole batch, with a detail naming it ({@code operations[2].offerId: ...}).
 */
record BatchJson(List<OperationJson> operations) {

    List<BatchOperation> toOperations(WireJson json) {
        List<OperationJson> given = Required.list(operations, "operations");
        List<BatchOperation> mapped = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            try {
                mapped.add(given.get(i).toOperation(json));
            } catch (SignalingException e) {
                if (e.code() != ErrorCode.VALIDATION_FAILED) {
                    throw e;
                }
                throw new SignalingException(ErrorCode.VALIDATION_FAILED,
                        "operations[" + i + "]." + e.getMessage(), e.logDetail());
            }
        }
        return mapped;
    }
}
