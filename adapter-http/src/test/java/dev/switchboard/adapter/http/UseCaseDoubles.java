package dev.switchboard.adapter.http;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AcknowledgeChunk;
import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.driving.AuthenticateRequest;
import dev.switchboard.ports.driving.ClaimTransfer;
import dev.switchboard.ports.driving.CloseSession;
import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.driving.DescribeEdition;
import dev.switchboard.ports.driving.DiscoverOffers;
import dev.switchboard.ports.driving.DownloadChunk;
import dev.switchboard.ports.driving.EnterpriseUseCases;
import dev.switchboard.ports.driving.ExecuteBatch;
import dev.switchboard.ports.driving.GetSession;
import dev.switchboard.ports.driving.GetTransfer;
import dev.switchboard.ports.driving.IssueConnectionTicket;
import dev.switchboard.ports.driving.IssueCredential;
import dev.switchboard.ports.driving.JoinSession;
import dev.switchboard.ports.driving.KeepAlive;
import dev.switchboard.ports.driving.LeaveSession;
import dev.switchboard.ports.driving.ListDevices;
import dev.switchboard.ports.driving.ListIceCandidates;
import dev.switchboard.ports.driving.OpenSession;
import dev.switchboard.ports.driving.PairingUseCases;
import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.driving.QueryAuditLog;
import dev.switchboard.ports.driving.RedeemConnectionTicket;
import dev.switchboard.ports.driving.RegisterDevice;
import dev.switchboard.ports.driving.RemoveDevice;
import dev.switchboard.ports.driving.ReportHealth;
import dev.switchboard.ports.driving.ReviewDevice;
import dev.switchboard.ports.driving.SendSignal;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.driving.TransferUseCases;
import dev.switchboard.ports.driving.UpdateDevice;
import dev.switchboard.ports.driving.UpdateOfferTags;
import dev.switchboard.ports.driving.UploadChunk;
import dev.switchboard.ports.driving.VerifyAuditLog;
import dev.switchboard.ports.model.Edition;
import dev.switchboard.ports.model.EditionInfo;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SignatureAlgorithm;
import dev.switchboard.ports.model.StoreHealth;

/**
 * Stand-ins for every use case the adapter calls. The adapter is what is under test, so the core is
 * replaced by mocks whose interactions the tests check; authentication accepts everyone as {@link #ALICE}
 * unless a test says otherwise, events are watched through a {@link ManualWatch}, the mailbox is a
 * {@link FakeMailbox} that wakes it, and the connection ticket {@link #ALICE_TICKET} opens a socket as ALICE.
 * The server runs the Consumer edition with the admin credential {@link FakeAdminGate#ADMIN_TOKEN} enabled.
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

    final CreateTransfer createTransfer = mock(CreateTransfer.class);
    final ClaimTransfer claimTransfer = mock(ClaimTransfer.class);
    final UploadChunk uploadChunk = mock(UploadChunk.class);
    final DownloadChunk downloadChunk = mock(DownloadChunk.class);
    final AcknowledgeChunk acknowledgeChunk = mock(AcknowledgeChunk.class);
    final GetTransfer getTransfer = mock(GetTransfer.class);

    final DescribeEdition describeEdition = mock(DescribeEdition.class);
    final FakeAdminGate adminGate = new FakeAdminGate();
    final RegisterDevice registerDevice = mock(RegisterDevice.class);
    final UpdateDevice updateDevice = mock(UpdateDevice.class);
    final RemoveDevice removeDevice = mock(RemoveDevice.class);
    final ListDevices listDevices = mock(ListDevices.class);
    final ReviewDevice reviewDevice = mock(ReviewDevice.class);
    final QueryAuditLog queryAuditLog = mock(QueryAuditLog.class);
    final VerifyAuditLog verifyAuditLog = mock(VerifyAuditLog.class);

    UseCaseDoubles() {
        when(authenticateRequest.authenticate(any())).thenReturn(ALICE);
        when(reportHealth.report()).thenReturn(new StoreHealth("memory", true));
        when(redeemConnectionTicket.redeem(anyString())).thenThrow(
                new SignalingException(ErrorCode.TICKET_INVALID, "the connection ticket is not valid"));
        when(redeemConnectionTicket.redeem(eq(ALICE_TICKET))).thenReturn(ALICE);
        when(describeEdition.describe()).thenReturn(
                new EditionInfo(Edition.CONSUMER, Edition.CONSUMER.features(), false));
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

    TransferUseCases transferUseCases() {
        return new TransferUseCases(createTransfer, claimTransfer, uploadChunk, downloadChunk, acknowledgeChunk,
                getTransfer);
    }

    EnterpriseUseCases enterpriseUseCases() {
        return new EnterpriseUseCases(describeEdition, adminGate, registerDevice, updateDevice, removeDevice,
                listDevices, reviewDevice, queryAuditLog, verifyAuditLog);
    }
}
