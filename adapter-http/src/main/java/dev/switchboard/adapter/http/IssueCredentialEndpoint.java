package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.IssueCredential;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;

/** {@code POST /v1/credentials}: issues an HMAC credential to anyone; its secret is shown this once. */
final class IssueCredentialEndpoint implements Endpoint {
    private final IssueCredential issueCredential;
    private final RateLimits rateLimits;

    IssueCredentialEndpoint(IssueCredential issueCredential, RateLimits rateLimits) {
        this.issueCredential = issueCredential;
        this.rateLimits = rateLimits;
    }

    /** Each credential is a new identity with budgets of its own, so issuing one spends the address's scarce budget. */
    @Override
    public Reply handle(Call call) {
        rateLimits.spend(call.exchange(), LimitedAction.CREDENTIAL_ISSUANCE,
                LimitSubject.address(call.clientAddress()));
        return Reply.created(IssuedCredentialJson.from(issueCredential.issue()));
    }
}
