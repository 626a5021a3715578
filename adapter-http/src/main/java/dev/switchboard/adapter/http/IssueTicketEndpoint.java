package dev.switchboard.adapter.http;

import dev.switchboard.ports.driving.IssueConnectionTicket;

/** {@code POST /v1/tickets}: 201 with a short-lived, single-use ticket that opens {@code /v1/ws} as the caller. */
final class IssueTicketEndpoint implements Endpoint {
    private final IssueConnectionTicket issueConnectionTicket;

    IssueTicketEndpoint(IssueConnectionTicket issueConnectionTicket) {
        this.issueConnectionTicket = issueConnectionTicket;
    }

    @Override
    public Reply handle(Call call) {
        return Reply.created(TicketJson.from(issueConnectionTicket.issue(call.caller())));
    }
}
