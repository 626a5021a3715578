package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.IssueCredential;

/** {@code POST /v1/credentials}: issues an HMAC credential to anyone; its secret is shown this once. */
final class IssueCredentialEndpoint implements Endpoint {
    private final IssueCredential issueCredential;

    IssueCredentialEndpoint(IssueCredential issueCredential) {
        this.issueCredential = issueCredential;
    }

    @Override
    public Reply handle(Call call) {
        return Reply.created(IssuedCredentialJson.from(issueCredential.issue()));
    }
}
