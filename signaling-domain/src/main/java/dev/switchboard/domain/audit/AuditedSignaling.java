package dev.switchboard.domain.audit;

import dev.switchboard.domain.identity.ClaimedKeyIds;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.driving.AnswerOffer;
import dev.switchboard.ports.driving.AuthenticateRequest;
import dev.switchboard.ports.driving.BatchOutcome;
import dev.switchboard.ports.driving.ExecuteBatch;
import dev.switchboard.ports.driving.IssueCredential;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.driving.SignalingUseCases;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.IssuedCredential;
import dev.switchboard.ports.model.Offer;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Audits credentials, authentication and offers: {@code credential.issued}, {@code authentication.failed}
 * (with the refusal's code and the key id the request claimed), {@code offer.published} (one per offer)
 * and {@code offer.answered}, for single calls and batch operations alike. Never an SDP or a secret.
 */
public final class AuditedSignaling {
    private static final Set<ErrorCode> AUTHENTICATION_FAILURES = EnumSet.of(ErrorCode.SIGNATURE_MISSING,
            ErrorCode.SIGNATURE_MALFORMED, ErrorCode.SIGNATURE_COMPONENT_MISSING,
            ErrorCode.SIGNATURE_PARAMETER_MISSING, ErrorCode.UNSUPPORTED_ALGORITHM, ErrorCode.SIGNATURE_EXPIRED,
            ErrorCode.SIGNATURE_FROM_FUTURE, ErrorCode.NONCE_INVALID, ErrorCode.NONCE_REPLAYED,
            ErrorCode.DIGEST_MISMATCH, ErrorCode.AUTHENTICATION_FAILED);

    private AuditedSignaling() {}

    public static SignalingUseCases wrap(SignalingUseCases inner, AuditTrail trail) {
        if (!trail.enabled()) {
            return inner;
        }
        return new SignalingUseCases(
                issueCredential(inner.issueCredential(), trail),
                authenticateRequest(inner.authenticateRequest(), trail),
                publishOffers(inner.publishOffers(), trail),
                inner.discoverOffers(),
                answerOffer(inner.answerOffer(), trail),
                inner.addIceCandidates(),
                inner.listIceCandidates(),
                inner.pollEvents(),
                inner.watchEvents(),
                inner.deleteOffer(),
                inner.updateOfferTags(),
                executeBatch(inner.executeBatch(), trail),
                inner.reportHealth());
    }

    private static IssueCredential issueCredential(IssueCredential inner, AuditTrail trail) {
        return () -> {
            IssuedCredential issued = inner.issue();
            trail.record(AuditEventType.CREDENTIAL_ISSUED, AuditTrail.ANONYMOUS, Optional.of(issued.credentialId()),
                    Optional.empty(), Map.of());
            return issued;
        };
    }

    private static AuthenticateRequest authenticateRequest(AuthenticateRequest inner, AuditTrail trail) {
        return request -> {
            try {
                return inner.authenticate(request);
            } catch (SignalingException refused) {
                if (AUTHENTICATION_FAILURES.contains(refused.code())) {
                    trail.record(AuditEventType.AUTHENTICATION_FAILED,
                            ClaimedKeyIds.of(request).orElse(AuditTrail.ANONYMOUS), Optional.empty(),
                            Optional.empty(), Map.of("code", refused.code().wireName()));
                }
                throw refused;
            }
        };
    }

    private static PublishOffers publishOffers(PublishOffers inner, AuditTrail trail) {
        return (caller, request) -> {
            List<Offer> published = inner.publish(caller, request);
            published(trail, caller, published);
            return published;
        };
    }

    private static AnswerOffer answerOffer(AnswerOffer inner, AuditTrail trail) {
        return (caller, request) -> {
            AnswerOffer.Result result = inner.answer(caller, request);
            answered(trail, caller, result);
            return result;
        };
    }

    /** The batch runs the plain use cases, so its successful publications and answers are audited here. */
    private static ExecuteBatch executeBatch(ExecuteBatch inner, AuditTrail trail) {
        return (caller, operations) -> {
            List<BatchOutcome> outcomes = inner.execute(caller, operations);
            for (BatchOutcome outcome : outcomes) {
                if (outcome instanceof BatchOutcome.Succeeded succeeded) {
                    if (succeeded.operation() instanceof PublishOffers.Request) {
                        @SuppressWarnings("unchecked")
                        List<Offer> offers = (List<Offer>) succeeded.result();
                        published(trail, caller, offers);
                    } else if (succeeded.operation() instanceof AnswerOffer.Request) {
                        answered(trail, caller, (AnswerOffer.Result) succeeded.result());
                    }
                }
            }
            return outcomes;
        };
    }

    private static void published(AuditTrail trail, Identity caller, List<Offer> offers) {
        for (Offer offer : offers) {
            trail.record(AuditEventType.OFFER_PUBLISHED, caller.keyId(), Optional.of(offer.id().value()),
                    Optional.empty(), Map.of("service", offer.service().value()));
        }
    }

    private static void answered(AuditTrail trail, Identity caller, AnswerOffer.Result result) {
        trail.record(AuditEventType.OFFER_ANSWERED, caller.keyId(), Optional.of(result.offer().id().value()),
                Optional.empty(), Map.of("owner", result.offer().ownerKeyId()));
    }
}
