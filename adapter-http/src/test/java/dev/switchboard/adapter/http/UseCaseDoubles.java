package dev.switchboard.adapter.http;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.driving.AuthenticateRequest;
import dev.switchboard.ports.driving.CloseSession;
import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.driving.DiscoverOffers;
import dev.switchboard.ports.driving.ExecuteBatch;
import dev.switchboard.ports.driving.GetSession;
import dev.switchboard.ports.driving.IssueConnectionTicket;
import dev.switchboard.ports.driving.IssueCredential;
import dev.switchboard.ports.driving.JoinSession;
import dev.switchboard.ports.driving.KeepAlive;
import dev.switchboard.ports.driving.LeaveSession;
import dev.switchboard.ports.driving.ListIceCandidates;
import dev.switchboard.ports.driving.OpenSession;
import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.driving.RedeemConnectionTicket;
import dev.switchboard.ports.driving.ReportHealth;
import dev.switchboard.ports.driving.SendSignal;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.driving.UpdateOfferTags;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SignatureAlgorithm;
import dev.switchboard.ports.model.StoreHealth;

/**
 * Stand-ins for every use case the adapter calls. The adapter is what is under test, so the core is
 * replaced by mocks whose interactions the tests check; authentication accepts everyone as {@link #ALICE}
 * unless a test says otherwise, events are watched through a {@link ManualWatch}, the mailbox is a
 * {@link FakeMailbox} that wakes it, and the connection ticket {@link #ALICE_TICKET} opens a socket as ALICE.
 */
final class UseCaseDoubles {
    static final Identity ALICE = new Identity(SignatureAlgorithm.ED25519, "YWxpY2UtcHVibGljLWtleS0zMi1ieXRlcy1sb25nLi4");
    static final String ALICE_TICKET = "ticket-of-alice";

    final IssueCredential issueCredential = mock(IssueCredential.class);
    final AuthenticateRequest authenticateRequest = mock(AuthenticateRequest.class);
    final PublishOffers publishOffers = mock(PublishOffers.class);
    final DiscoverOffers discoverOffers = mock(DiscoverOffers.class);
    final AnswerOffer answerOffer = mock(AnswerOffer.class);
    final AddIceCandidates addIceCandidates = mock(AddIceCandidates.class);
    final ListIceCandidates listIceCandidates = mock(ListIceCandidates.class);
    final PollEvents pollEvents = mock(PollEvents.class);
    final ManualWatch watchEvents = new ManualWatch();
    final DeleteOffer deleteOffer = mock(DeleteOffer.class);
    final UpdateOfferTags updateOfferTags = mock(UpdateOfferTags.class);
    final ExecuteBatch executeBatch = mock(ExecuteBatch.class);
    final ReportHealth reportHealth = mock(ReportHealth.class);

    final OpenSession openSession = mock(OpenSession.class);
    final JoinSession joinSession = mock(JoinSession.class);
    final LeaveSession leaveSession = mock(LeaveSession.class);
    final CloseSession closeSession = mock(CloseSession.class);
    final GetSession getSession = mock(GetSession.class);
    final SendSignal sendSignal = mock(SendSignal.class);
    final FakeMailbox mailbox = new FakeMailbox(watchEvents);
    final KeepAlive keepAlive = mock(KeepAlive.class);
    final IssueConnectionTicket issueConnectionTicket = mock(IssueConnectionTicket.class);
    final RedeemConnectionTicket redeemConnectionTicket = mock(RedeemConnectionTicket.class);

    UseCaseDoubles() {
        when(authenticateRequest.authenticate(any())).thenReturn(ALICE);
        when(reportHealth.report()).thenReturn(new StoreHealth("memory", true));
        when(redeemConnectionTicket.redeem(anyString())).thenThrow(
                new SignalingException(ErrorCode.TICKET_INVALID, "the connection ticket is not valid"));
        when(redeemConnectionTicket.redeem(eq(ALICE_TICKET))).thenReturn(ALICE);
    }

    SignalingUseCases useCases() {
        return new SignalingUseCases(issueCredential, authenticateRequest, publishOffers, discoverOffers, answerOffer,
                addIceCandidates, listIceCandidates, pollEvents, watchEvents, deleteOffer, updateOfferTags,
                executeBatch, reportHealth);
    }

    PairingUseCases pairingUseCases() {
        return new PairingUseCases(openSession, joinSession, leaveSession, closeSession, getSession, sendSignal,
                mailbox, mailbox, keepAlive, issueConnectionTicket, redeemConnectionTicket);
    }
}
