package dev.switchboard.domain.enterprise;

import dev.switchboard.domain.EnterprisePolicy;
import dev.switchboard.ports.driving.DescribeEdition;
import dev.switchboard.ports.model.EditionInfo;

/** Tells the edition from the policy: what the server does, and whether an admin surface exists. */
final class DescribeEditionService implements DescribeEdition {
    private final EditionInfo info;

    DescribeEditionService(EnterprisePolicy policy) {
        this.info = new EditionInfo(policy.edition(), policy.edition().features(), policy.adminEnabled());
    }

    @Override
    public EditionInfo describe() {
        return info;
    }
}
