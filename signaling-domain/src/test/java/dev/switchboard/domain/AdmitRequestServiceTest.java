package dev.switchboard.domain;

import static dev.switchboard.domain.TestCore.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.audit.AuditTrail;
import dev.switchboard.ports.driven.RateLimitStore;
import dev.switchboard.ports.driving.AdmitRequest;
import dev.switchboard.ports.model.Admission;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.Edition;
import dev.switchboard.ports.model.LimitSubject;
import dev.switchboard.ports.model.LimitedAction;
import dev.switchboard.ports.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AdmitRequestServiceTest {
    private static final RateLimitPolicy.Budget FIVE_PER_MINUTE = new RateLimitPolicy.Budget(5, Duration.ofMinutes(1));
    private static final LimitSubject ADDRESS = LimitSubject.address("203.0.113.9");
    private static final LimitSubject OTHER_ADDRESS = LimitSubject.address("198.51.100.4");
    private static final LimitSubject IDENTITY = LimitSubject.identity(ALICE.keyId());

    /** Five API calls a minute per address and per identity; the other budgets as by default. */
    private static RateLimitPolicy fivePerMinute() {
        RateLimitPolicy d = RateLimitPolicy.defaults();
        return new RateLimitPolicy(Optional.of(FIVE_PER_MINUTE), Optional.of(FIVE_PER_MINUTE),
                d.credentialsPerAddress(), d.socketConnectsPerAddress(), d.socketMessagesPerIdentity());
    }

    private static List<Admission> admitMany(AdmitRequest limiter, int count, LimitSubject subject) {
        return IntStream.range(0, count).mapToObj(i -> limiter.admit(LimitedAction.API_CALL, subject)).toList();
    }

    @Nested
    class WhenABudgetOfFivePerMinuteIsSpent {
        private final TestCore core = TestCore.limited(EnterprisePolicy.consumer(), fivePerMinute());
        private final AdmitRequest limiter = core.operations().admitRequest();

        private Admission call() {
            return limiter.admit(LimitedAction.API_CALL, ADDRESS);
        }

        @Test
        void allowsFiveAtOnceCountingTheRemainingDown() {
            List<Admission> admissions = admitMany(limiter, 5, ADDRESS);

            assertThat(admissions).allSatisfy(admission -> {
                assertThat(admission.allowed()).isTrue();
                assertThat(admission.policy()).isEqualTo("api-call-address");
                assertThat(admission.quota()).isEqualTo(5);
                assertThat(admission.window()).isEqualTo(Duration.ofMinutes(1));
                assertThat(admission.retryAfter()).isEmpty();
                assertThat(admission.degraded()).isFalse();
            });
            assertThat(admissions).extracting(Admission::remaining).containsExactly(4, 3, 2, 1, 0);
            assertThat(admissions).extracting(Admission::reset).containsExactly(Duration.ofSeconds(12),
                    Duration.ofSeconds(24), Duration.ofSeconds(36), Duration.ofSeconds(48), Duration.ofSeconds(60));
        }

        @Test
        void refusesTheSixthWithRetryAfterTwelveSeconds() {
            admitMany(limiter, 5, ADDRESS);

            Admission sixth = call();

            assertThat(sixth.allowed()).isFalse();
            assertThat(sixth.retryAfter()).contains(Duration.ofSeconds(12));
            assertThat(sixth.remaining()).isZero();
            assertThat(sixth.reset()).isEqualTo(Duration.ofSeconds(60));
        }

        @Test
        void allowsOneMoreAfterTwelveSecondsAndThenRefusesAgain() {
            admitMany(limiter, 6, ADDRESS);
            core.clock.advance(Duration.ofSeconds(12));

            Admission seventh = call();
            Admission eighth = call();

            assertThat(seventh.allowed()).isTrue();
            assertThat(seventh.remaining()).isZero();
            assertThat(seventh.reset()).isEqualTo(Duration.ofSeconds(60));
            assertThat(eighth.allowed()).isFalse();
            assertThat(eighth.retryAfter()).contains(Duration.ofSeconds(12));
        }

        @Test
        void refusesAFewMillisecondsTooEarlyAndSaysToWaitTheRestRoundedUp() {
            admitMany(limiter, 5, ADDRESS);
            core.clock.advance(Duration.ofMillis(11_990));

            Admission early = call();

            assertThat(early.allowed()).isFalse();
            assertThat(early.retryAfter()).contains(Duration.ofSeconds(1));
            assertThat(early.reset()).isEqualTo(Duration.ofMillis(48_010));
        }

        @Test
        void spendsNothingOnARefusal() {
            admitMany(limiter, 5, ADDRESS);
            admitMany(limiter, 20, ADDRESS);
            core.clock.advance(Duration.ofSeconds(12));

            assertThat(call().allowed()).as("refusals did not push the next token further away").isTrue();
        }

        @Test
        void regainsTheWholeBudgetAfterTheWindow() {
            admitMany(limiter, 6, ADDRESS);
            core.clock.advance(Duration.ofMinutes(1));

            List<Admission> again = admitMany(limiter, 6, ADDRESS);

            assertThat(again).extracting(Admission::allowed).containsExactly(true, true, true, true, true, false);
            assertThat(again.get(0).remaining()).isEqualTo(4);
        }

        @Test
        void keepsOneBudgetPerSubjectAndPerPolicy() {
            admitMany(limiter, 6, ADDRESS);

            assertThat(limiter.admit(LimitedAction.API_CALL, OTHER_ADDRESS).allowed()).isTrue();
            Admission byIdentity = limiter.admit(LimitedAction.API_CALL, IDENTITY);
            assertThat(byIdentity.allowed()).isTrue();
            assertThat(byIdentity.policy()).isEqualTo("api-call-identity");
            assertThat(byIdentity.remaining()).isEqualTo(4);
            assertThat(limiter.admit(LimitedAction.WEBSOCKET_CONNECT, ADDRESS).allowed()).isTrue();
        }

        @Test
        void sharesTheBudgetWithEveryCoreOnTheSameStore() {
            TestCore sibling = new TestCore(core.storage, new PredictableEntropy(),
                    TransferPolicy.defaults(TestCore.SIGNING_KEY), EnterprisePolicy.consumer(), fivePerMinute());
            sibling.clock.set(core.clock.instant());
            admitMany(limiter, 3, ADDRESS);

            List<Admission> onTheSibling = admitMany(sibling.operations().admitRequest(), 3, ADDRESS);

            assertThat(onTheSibling).extracting(Admission::allowed).containsExactly(true, true, false);
        }
    }

    @Nested
    class WhenTheActionIsNotLimited {
        private final TestCore core = TestCore.limited(EnterprisePolicy.consumer(), RateLimitPolicy.unlimited());
        private final AdmitRequest limiter = core.operations().admitRequest();

        @Test
        void admitsEveryRequestWithNothingForTheHeaders() {
            List<Admission> admissions = admitMany(limiter, 100, ADDRESS);

            assertThat(admissions).allSatisfy(admission -> {
                assertThat(admission.allowed()).isTrue();
                assertThat(admission.policy()).isEqualTo("api-call-address");
                assertThat(admission.quota()).isZero();
                assertThat(admission.remaining()).isZero();
                assertThat(admission.degraded()).isFalse();
            });
        }

        @Test
        void saysItDoesNotLimitSoTransportsSendNoHeaders() {
            assertThat(limiter.limits(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS)).isFalse();
        }

        @Test
        void saysWhichActionsTheDefaultsLimitForWhichSubjects() {
            AdmitRequest defaults = TestCore.limited(EnterprisePolicy.consumer(), RateLimitPolicy.defaults())
                    .operations().admitRequest();

            assertThat(defaults.limits(LimitedAction.API_CALL, LimitSubject.Kind.ADDRESS)).isTrue();
            assertThat(defaults.limits(LimitedAction.CREDENTIAL_ISSUANCE, LimitSubject.Kind.ADDRESS)).isTrue();
            assertThat(defaults.limits(LimitedAction.CREDENTIAL_ISSUANCE, LimitSubject.Kind.IDENTITY)).isFalse();
            assertThat(defaults.limits(LimitedAction.WEBSOCKET_MESSAGE, LimitSubject.Kind.IDENTITY)).isTrue();
        }

        @Test
        void neverTouchesTheStore() {
            AdmitRequest limiter = new AdmitRequestService(new ForwardingStorage(new InMemoryStorage()) {
                @Override
                public RateLimitStore rateLimits() {
                    throw new AssertionError("an unlimited action must not reach the store");
                }
            }, new InMemoryStorage().counters(), RateLimitPolicy.unlimited(), consumerTrail(), core.clock);

            assertThat(limiter.admit(LimitedAction.API_CALL, ADDRESS).allowed()).isTrue();
        }
    }

    @Nested
    class WhenTheStoreFails {
        private final InMemoryStorage stores = new InMemoryStorage();

        @Test
        void failsOpenWhenTheStoreCannotBeReached() {
            AdmitRequest limiter = new AdmitRequestService(new ForwardingStorage(stores) {
                @Override
                public RateLimitStore rateLimits() {
                    throw new IllegalStateException("connection refused");
                }
            }, stores.counters(), fivePerMinute(), consumerTrail(), SettableClock.atFixedStart());

            assertDegraded(admitMany(limiter, 10, ADDRESS));
        }

        @Test
        void failsOpenWhenTheStoreThrowsMidDecision() {
            TestCore core = new TestCore(new ForwardingStorage(stores) {
                @Override
                public RateLimitStore rateLimits() {
                    return new RateLimitStore() {
                        @Override
                        public Bucket take(String key, Duration interval, int burst, Instant now) {
                            throw new IllegalStateException("statement timeout");
                        }

                        @Override
                        public int deleteFull(Instant now) {
                            throw new IllegalStateException("statement timeout");
                        }
                    };
                }
            }, new PredictableEntropy(), TransferPolicy.defaults(TestCore.SIGNING_KEY), TestCore.enterpriseEdition(),
                    fivePerMinute());

            assertDegraded(admitMany(core.operations().admitRequest(), 10, ADDRESS));
            assertThat(stores.auditLog().readAfter(0, 10)).as("no refusal, so nothing audited").isEmpty();
        }

        private void assertDegraded(List<Admission> admissions) {
            assertThat(admissions).allSatisfy(admission -> {
                assertThat(admission.allowed()).isTrue();
                assertThat(admission.degraded()).isTrue();
                assertThat(admission.policy()).isEqualTo("api-call-address");
                assertThat(admission.retryAfter()).isEmpty();
            });
        }
    }

    @Nested
    class OnAnEnterpriseServer {
        private final TestCore core = TestCore.limited(TestCore.enterpriseEdition(), fivePerMinute());
        private final AdmitRequest limiter = core.operations().admitRequest();

        private List<AuditEvent> rateLimited() {
            return core.storage.auditLog().readAfter(0, 1000).stream().map(AuditEntry::event)
                    .filter(event -> event.type() == AuditEventType.RATE_LIMITED).toList();
        }

        @Test
        void auditsARefusedAddressOncePerWindowWithOnlyThePolicyAndTheAddress() {
            admitMany(limiter, 5 + 20, ADDRESS);

            assertThat(rateLimited()).singleElement().satisfies(event -> {
                assertThat(event.actor()).isEqualTo(AuditTrail.ANONYMOUS);
                assertThat(event.clientAddress()).contains(ADDRESS.value());
                assertThat(event.subject()).isEmpty();
                assertThat(event.attributes())
                        .isEqualTo(Map.of("policy", "api-call-address", "subject", "address"));
            });
        }

        @Test
        void auditsARefusedIdentityAsItsKeyId() {
            admitMany(limiter, 7, IDENTITY);

            assertThat(rateLimited()).singleElement().satisfies(event -> {
                assertThat(event.actor()).isEqualTo(ALICE.keyId());
                assertThat(event.clientAddress()).isEmpty();
                assertThat(event.attributes())
                        .isEqualTo(Map.of("policy", "api-call-identity", "subject", "identity"));
            });
        }

        @Test
        void auditsAgainInTheNextWindowAndForEachSubject() {
            admitMany(limiter, 7, ADDRESS);
            admitMany(limiter, 7, OTHER_ADDRESS);
            core.clock.advance(Duration.ofMinutes(1));
            admitMany(limiter, 7, ADDRESS);

            assertThat(rateLimited()).extracting(event -> event.clientAddress().orElseThrow())
                    .containsExactly(ADDRESS.value(), OTHER_ADDRESS.value(), ADDRESS.value());
        }

        @Test
        void auditsNothingWhileRequestsAreAllowed() {
            admitMany(limiter, 5, ADDRESS);

            assertThat(rateLimited()).isEmpty();
        }
    }

    @Nested
    class OnAConsumerServer {

        @Test
        void auditsNothing() {
            TestCore core = TestCore.limited(EnterprisePolicy.consumer(), fivePerMinute());

            admitMany(core.operations().admitRequest(), 10, ADDRESS);

            assertThat(core.storage.auditLog().readAfter(0, 10)).isEmpty();
        }
    }

    private static AuditTrail consumerTrail() {
        return new AuditTrail(new InMemoryStorage().auditLog(), SettableClock.atFixedStart(), Edition.CONSUMER);
    }
}
