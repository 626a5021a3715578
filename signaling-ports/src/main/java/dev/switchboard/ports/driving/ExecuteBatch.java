package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.Identity;
import java.util.List;

/**
 * Runs up to the server's maximum of operations in order, each on its own (a failure does not undo the
 * ones before it). Refuses the whole batch with {@code batch_too_large} before running any operation
 * when it holds too many operations or too much total work.
 */
public interface ExecuteBatch {
    List<BatchOutcome> execute(Identity caller, List<BatchOperation> operations);
}
