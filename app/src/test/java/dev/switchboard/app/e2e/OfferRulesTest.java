package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.SignalingFlowScenarios.candidate;
import static dev.switchboard.app.e2e.TestData.sdp;
import static dev.switchboard.app.e2e.TestData.uniqueService;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.StoreKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** Who may do what to an offer, and the limits on it, enforced over HTTP. */
@OnEveryStore
class OfferRulesTest {

    /** The store of this run, which {@link RunningSwitchboard} starts the application on. */
    @Parameter
    StoreKind store;

    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD = RunningSwitchboard.withTestSettings();

    private final Api api = SWITCHBOARD.api();
    private final Peer owner = api.newEd25519Peer();
    private final String offerId = owner.publishOne(uniqueService());

    private static void assertRefused(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }

    @Nested
    class WhenAnswering {
        @Test
        void rejectsTheSecondAnswer() {
            assertThat(api.newHmacPeer().answer(offerId, sdp("first")).status()).isEqualTo(201);

            assertRefused(api.newEd25519Peer().answer(offerId, sdp("second")), 409, "offer_already_answered");
        }

        @Test
        void acceptsExactlyOneOfManyConcurrentAnswers() throws Exception {
            int racers = 16;
            List<Peer> peers = IntStream.range(0, racers).mapToObj(i -> api.newEd25519Peer()).toList();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                List<CompletableFuture<ApiResponse>> answers = peers.stream()
                        .map(peer -> CompletableFuture.supplyAsync(() -> {
                            awaitQuietly(start);
                            return peer.answer(offerId, sdp("racer"));
                        }, pool))
                        .toList();
                start.countDown();
                List<ApiResponse> responses = answers.stream().map(CompletableFuture::join).toList();

                assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
                assertThat(responses).filteredOn(r -> r.status() != 201)
                        .hasSize(racers - 1)
                        .allSatisfy(r -> assertRefused(r, 409, "offer_already_answered"));
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void forbidsAnsweringYourOwnOffer() {
            assertRefused(owner.answer(offerId, sdp("self")), 403, "cannot_answer_own_offer");
        }

        @Test
        void refusesAnSdpLargerThan64KiB() {
            String huge = sdp("huge") + "a=x-padding:" + "x".repeat(70 * 1024) + "\r\n";

            assertRefused(api.newHmacPeer().answer(offerId, huge), 422, "validation_failed");
        }

        @Test
        void saysWhenThereIsNoSuchOffer() {
            assertRefused(api.newHmacPeer().answer("NoSuchOffer123", sdp("a")), 404, "offer_not_found");
        }
    }

    @Nested
    class WhenExchangingCandidates {
        @Test
        void forbidsAStrangerToAddOrReadCandidates() {
            api.newHmacPeer().answer(offerId, sdp("answer"));
            Peer stranger = api.newHmacPeer();

            assertRefused(stranger.addCandidates(offerId, List.of(candidate("x"))), 403, "not_a_participant");
            assertRefused(stranger.get("/v1/offers/" + offerId + "/candidates?after=0"), 403, "not_a_participant");
        }

        @Test
        void refusesCandidatesBeyondTheLimitPerSide() {
            // The test settings allow 5 candidates per side.
            List<Map<String, Object>> four = IntStream.range(0, 4).mapToObj(i -> candidate("c" + i)).toList();
            assertThat(owner.addCandidates(offerId, four).status()).isEqualTo(201);

            assertRefused(owner.addCandidates(offerId, List.of(candidate("x"), candidate("y"))),
                    409, "candidate_limit_reached");
            assertThat(owner.addCandidates(offerId, List.of(candidate("fifth"))).status()).isEqualTo(201);
            assertRefused(owner.addCandidates(offerId, List.of(candidate("sixth"))), 409, "candidate_limit_reached");
        }

        @Test
        void countsTheLimitForEachSideSeparately() {
            Peer answerer = api.newHmacPeer();
            answerer.answer(offerId, sdp("answer"));
            List<Map<String, Object>> five = IntStream.range(0, 5).mapToObj(i -> candidate("c" + i)).toList();

            assertThat(owner.addCandidates(offerId, five).status()).isEqualTo(201);
            assertThat(answerer.addCandidates(offerId, five).status()).isEqualTo(201);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
