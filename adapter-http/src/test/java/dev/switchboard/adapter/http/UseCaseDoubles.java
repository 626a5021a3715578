package dev.switchboard.adapter.http;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.switchboard.ports.driving.AddIceCandidates;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.driving.AuthenticateRequest;
import dev.switchboard.ports.driving.DeleteOffer;
import dev.switchboard.ports.driving.DiscoverOffers;
import dev.switchboard.ports.driving.ExecuteBatch;
import dev.switchboard.ports.driving.IssueCredential;
import dev.switchboard.ports.driving.ListIceCandidates;
import dev.switchboard.ports.driving.PollEvents;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.driving.ReportHealth;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.driving.UpdateOfferTags;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SignatureAlgorithm;
import dev.switchboard.ports.model.StoreHealth;

/**
 * Stand-ins for every use case the adapter calls. The adapter is what is under test, so the core is
 * replaced by mocks whose interactions the tests check; authentication accepts everyone as {@link #ALICE}
 * unless a test says otherwise, and events are watched through a {@link ManualWatch}.
 */
final class UseCaseDoubles {
    static final Identity ALICE = new Identity(SignatureAlgorithm.ED25519, "YWxpY2UtcHVibGljLWtleS0zMi1ieXRlcy1sb25nLi4");

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

    UseCaseDoubles() {
        when(authenticateRequest.authenticate(any())).thenReturn(ALICE);
        when(reportHealth.report()).thenReturn(new StoreHealth("memory", true));
    }

    SignalingUseCases useCases() {
        return new SignalingUseCases(issueCredential, authenticateRequest, publishOffers, discoverOffers, answerOffer,
                addIceCandidates, listIceCandidates, pollEvents, watchEvents, deleteOffer, updateOfferTags,
                executeBatch, reportHealth);
    }
}
