package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.EditionInfo;

/** The edition this server runs and its features: the truth of what it does. */
public interface DescribeEdition {
    EditionInfo describe();
}
