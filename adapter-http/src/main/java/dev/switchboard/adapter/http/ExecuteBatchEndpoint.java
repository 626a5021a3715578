package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.BatchOperation;
import dev.switchboard.ports.driving.BatchOutcome;
import dev.switchboard.ports.driving.ExecuteBatch;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /v1/batch}: runs the operations in order and reports each one's outcome. */
final class ExecuteBatchEndpoint implements Endpoint {
    private final ExecuteBatch executeBatch;
    private final WireJson json;

    ExecuteBatchEndpoint(ExecuteBatch executeBatch, WireJson json) {
        this.executeBatch = executeBatch;
        this.json = json;
    }

    @Override
    public Reply handle(Call call) {
        List<BatchOperation> operations = call.body(BatchJson.class).toOperations(json);
        List<BatchOutcome> outcomes = executeBatch.execute(call.caller(), operations);
        List<BatchResultJson> results = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            results.add(BatchResultJson.from(i, outcomes.get(i)));
        }
        return Reply.ok(new BatchResults(results));
    }

    /** The body of the response: one result per operation, in order. */
    record BatchResults(List<BatchResultJson> results) {}
}
