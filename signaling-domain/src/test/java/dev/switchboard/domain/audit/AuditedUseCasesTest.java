package dev.switchboard.domain.audit;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static dev.switchboard.domain.TestCore.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.BatchOperation;
import dev.switchboard.ports.driving.ClaimTransfer;
import dev.switchboard.ports.driving.CreateTransfer;
import dev.switchboard.ports.driving.JoinSession;
import dev.switchboard.ports.driving.OpenSession;
import dev.switchboard.ports.driving.PublishOffers;
import dev.switchboard.ports.driving.RegisterDevice;
import dev.switchboard.ports.driving.UpdateDevice;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.InviteCode;
import dev.switchboard.ports.model.Offer;
import dev.switchboard.ports.model.PairingSession;
import dev.switchboard.ports.model.SignedRequest;
import dev.switchboard.ports.model.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the audited use cases record: one entry per business event, never a secret, nothing on Consumer. */
class AuditedUseCasesTest {
    private static final String ADDRESS = "203.0.113.9";
    private static final String VERIFIER = "the-receivers-verifier-text";

    private static List<AuditEvent> events(TestCore core) {
        return core.storage.auditLog().readAfter(0, 1000).stream().map(AuditEntry::event).toList();
    }

    private static List<AuditEvent> events(TestCore core, AuditEventType type) {
        return events(core).stream().filter(event -> event.type() == type).toList();
    }

    private static CreateTransfer.Created createTransfer(TestCore core, Identity sender) {
        return core.transfers().createTransfer().create(sender, new CreateTransfer.Request(1, 16, OptionalLong.empty(),
                Optional.empty(), Optional.of(VERIFIER), ADDRESS));
    }

    @Nested
    class OnAnEnterpriseServer {
        private final TestCore core = TestCore.enterprise();

        @Test
        void recordsAnIssuedCredentialWithoutItsSecret() {
            String credentialId = core.useCases().issueCredential().issue().credentialId();

            assertThat(events(core, AuditEventType.CREDENTIAL_ISSUED)).singleElement().satisfies(event -> {
                assertThat(event.subject()).contains(credentialId);
                assertThat(event.actor()).isEqualTo(AuditTrail.ANONYMOUS);
            });
        }

        @Test
        void recordsAFailedAuthenticationWithItsCodeAndClaimedKeyId() {
            SignedRequest unsigned = new SignedRequest("GET", "https", "example.org", "/v1/offers", Optional.empty(),
                    Map.of(), new byte[0]);
            SignedRequest stale = new SignedRequest("GET", "https", "example.org", "/v1/offers", Optional.empty(),
                    Map.of("Signature-Input", List.of("sig1=(\"@method\" \"@target-uri\");created=1;keyid=\"bob-key\""
                            + ";alg=\"ed25519\";nonce=\"abcdefghijklmnop\""),
                            "Signature", List.of("sig1=:AAAA:")), new byte[0]);

            assertRefused(ErrorCode.SIGNATURE_MISSING, () -> core.useCases().authenticateRequest().authenticate(unsigned));
            assertRefused(ErrorCode.SIGNATURE_EXPIRED, () -> core.useCases().authenticateRequest().authenticate(stale));

            assertThat(events(core, AuditEventType.AUTHENTICATION_FAILED))
                    .extracting(AuditEvent::actor, event -> event.attributes().get("code"))
                    .containsExactly(tuple("anonymous", "signature_missing"),
                            tuple("bob-key", "signature_expired"));
        }

        @Test
        void recordsEachPublishedOfferAndTheAnswerWithoutAnySdp() {
            List<Offer> offers = core.useCases().publishOffers().publish(ALICE, new PublishOffers.Request(TestCore.CHAT,
                    Tags.none(), List.of(TestCore.OFFER_SDP, TestCore.OFFER_SDP), Optional.empty()));
            core.answer(BOB, offers.get(0));

            assertThat(events(core, AuditEventType.OFFER_PUBLISHED)).extracting(event -> event.subject().orElseThrow())
                    .containsExactly(offers.get(0).id().value(), offers.get(1).id().value());
            assertThat(events(core, AuditEventType.OFFER_ANSWERED)).singleElement()
                    .satisfies(event -> assertThat(event.actor()).isEqualTo(BOB.keyId()));
            assertThat(events(core).toString()).doesNotContain("v=0");
        }

        @Test
        void recordsOffersPublishedInABatch() {
            List<BatchOperation> batch = List.of(new PublishOffers.Request(TestCore.CHAT, Tags.none(),
                    List.of(TestCore.OFFER_SDP), Optional.empty()));

            core.useCases().executeBatch().execute(ALICE, batch);

            assertThat(events(core, AuditEventType.OFFER_PUBLISHED)).hasSize(1);
        }

        @Test
        void recordsASessionsLifeAndASpentJoinBudget() {
            PairingSession session = core.pairing().openSession()
                    .open(ALICE, new OpenSession.Request(OptionalInt.empty(), Optional.empty())).session();
            core.pairing().joinSession().join(BOB, new JoinSession.Request(Optional.of(session.code()), Optional.empty(), ADDRESS));
            core.pairing().closeSession().close(ALICE, session.id());
            for (int i = 0; i < core.pairingPolicy.joinFailureBudget(); i++) {
                assertRefused(ErrorCode.SESSION_NOT_FOUND, () -> core.pairing().joinSession().join(CAROL,
                        new JoinSession.Request(Optional.of(new InviteCode("ZZZZZZZZ")), Optional.empty(), ADDRESS)));
            }
            assertRefused(ErrorCode.RATE_LIMITED, () -> core.pairing().joinSession().join(CAROL,
                    new JoinSession.Request(Optional.of(new InviteCode("ZZZZZZZZ")), Optional.empty(), ADDRESS)));

            assertThat(events(core)).extracting(AuditEvent::type).containsExactly(AuditEventType.SESSION_OPENED,
                    AuditEventType.SESSION_JOINED, AuditEventType.SESSION_CLOSED, AuditEventType.RATE_LIMITED);
            assertThat(events(core, AuditEventType.RATE_LIMITED)).singleElement().satisfies(event -> {
                assertThat(event.attributes()).containsEntry("budget", "join");
                assertThat(event.clientAddress()).contains(ADDRESS);
            });
        }

        @Test
        void recordsATransfersLifeWithoutCodeVerifierTokensOrBytes() {
            CreateTransfer.Created created = createTransfer(core, ALICE);
            ClaimTransfer.Claimed claimed = core.transfers().claimTransfer().claim(BOB,
                    new ClaimTransfer.Request(created.transfer().code(), Optional.of(VERIFIER), ADDRESS));
            core.transfers().uploadChunk().upload(ALICE, created.senderToken(), created.transfer().id(), 0,
                    "secret-bytes".getBytes(StandardCharsets.UTF_8));
            core.transfers().acknowledgeChunk().acknowledge(BOB, claimed.receiverToken(), created.transfer().id(), 0);
            core.transfers().acknowledgeChunk().acknowledge(BOB, claimed.receiverToken(), created.transfer().id(), 0);

            assertThat(events(core)).extracting(AuditEvent::type).containsExactly(AuditEventType.TRANSFER_CREATED,
                    AuditEventType.TRANSFER_CLAIMED, AuditEventType.TRANSFER_COMPLETED);
            String everything = core.storage.auditLog().readAfter(0, 1000).toString();
            assertThat(everything).doesNotContain(VERIFIER, created.senderToken(), claimed.receiverToken(),
                    created.transfer().code().value(), created.transfer().verifierDigest().orElseThrow(), "secret-bytes");
        }

        @Test
        void recordsASpentClaimBudget() {
            CreateTransfer.Created created = createTransfer(core, ALICE);
            for (int i = 0; i < core.transferPolicy.claimFailureBudget(); i++) {
                assertRefused(ErrorCode.VERIFIER_MISMATCH, () -> core.transfers().claimTransfer().claim(BOB,
                        new ClaimTransfer.Request(created.transfer().code(), Optional.of("guess"), ADDRESS)));
            }
            assertRefused(ErrorCode.RATE_LIMITED, () -> core.transfers().claimTransfer().claim(BOB,
                    new ClaimTransfer.Request(created.transfer().code(), Optional.of(VERIFIER), ADDRESS)));

            assertThat(events(core, AuditEventType.RATE_LIMITED)).singleElement()
                    .satisfies(event -> assertThat(event.attributes()).containsEntry("budget", "claim"));
        }

        @Test
        void recordsTransfersTheSweepFindsExpired() {
            CreateTransfer.Created created = createTransfer(core, ALICE);
            core.clock.advance(Duration.ofMinutes(16));

            assertThat(core.sweeper().sweep().expiredTransfers()).isOne();

            assertThat(events(core, AuditEventType.TRANSFER_EXPIRED)).singleElement().satisfies(event -> {
                assertThat(event.actor()).isEqualTo(AuditTrail.SYSTEM);
                assertThat(event.subject()).contains(created.transfer().id().value());
            });
        }

        @Test
        void recordsEveryDeviceChangeByWhoMadeIt() {
            DeviceId laptop = new DeviceId("laptop");
            Actor.Admin admin = new Actor.Admin("token");
            core.enterpriseUseCases().registerDevice().register(ALICE, new RegisterDevice.Request(laptop, "laptop",
                    new byte[] {42}, Optional.empty(), Optional.empty()));
            core.enterpriseUseCases().updateDevice().update(new Actor.User(ALICE), laptop,
                    new UpdateDevice.Changes(Optional.of("work"), Optional.empty(), Optional.empty(), Optional.empty()));
            core.enterpriseUseCases().reviewDevice().approve(admin, laptop);
            core.enterpriseUseCases().reviewDevice().revoke(admin, laptop, "lost on a train");
            core.enterpriseUseCases().removeDevice().remove(admin, laptop);

            assertThat(events(core)).extracting(AuditEvent::type, AuditEvent::actor).containsExactly(
                    tuple(AuditEventType.DEVICE_REGISTERED, ALICE.keyId()),
                    tuple(AuditEventType.DEVICE_UPDATED, ALICE.keyId()),
                    tuple(AuditEventType.DEVICE_APPROVED, "admin:token"),
                    tuple(AuditEventType.DEVICE_REVOKED, "admin:token"),
                    tuple(AuditEventType.DEVICE_REMOVED, "admin:token"));
            assertThat(events(core, AuditEventType.DEVICE_REVOKED).get(0).attributes())
                    .containsEntry("reason", "lost on a train");
        }

        @Test
        void recordsNothingForARefusedChange() {
            assertRefused(ErrorCode.DEVICE_NOT_FOUND, () -> core.enterpriseUseCases().removeDevice()
                    .remove(new Actor.User(ALICE), new DeviceId("nope")));

            assertThat(events(core)).isEmpty();
        }
    }

    @Nested
    class OnAConsumerServer {
        private final TestCore core = new TestCore();

        @Test
        void keepsNothingAboutWhoDidWhat() {
            core.useCases().issueCredential().issue();
            core.answer(BOB, core.publish(ALICE));
            CreateTransfer.Created created = createTransfer(core, ALICE);
            core.transfers().claimTransfer().claim(BOB,
                    new ClaimTransfer.Request(created.transfer().code(), Optional.of(VERIFIER), ADDRESS));
            core.clock.advance(Duration.ofHours(1));
            core.sweeper().sweep();

            assertThat(core.storage.auditLog().readAfter(0, 1000)).isEmpty();
        }
    }
}
