package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.TestData.sdp;
import static dev.switchboard.app.e2e.TestData.uniqueService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The whole signaling flow between two peers over real HTTP, from publishing to exchanging ICE.
 * Subclasses choose how peers sign, so every scenario runs once per signature algorithm.
 */
abstract class SignalingFlowScenarios {

    /** The running server these scenarios talk to. */
    abstract Api api();

    /** A new peer with a key of its own. */
    abstract Peer newPeer();

    static Map<String, Object> candidate(String label) {
        return Map.of("candidate", "candidate:" + label + " 1 udp 2122260223 192.0.2.1 54400 typ host",
                "sdpMid", "0", "sdpMLineIndex", 0);
    }

    @Test
    void publishesOffersWithTheirServiceTagsAndLifetime() {
        String service = uniqueService();
        ApiResponse published = newPeer().post("/v1/offers", Map.of(
                "service", service, "tags", List.of("eu", "video"), "ttlSeconds", 120,
                "offers", List.of(Map.of("sdp", sdp("one")), Map.of("sdp", sdp("two")))));

        assertThat(published.status()).isEqualTo(201);
        List<JsonNode> offers = Json.elements(published.json().path("offers"));
        assertThat(offers).hasSize(2);
        assertThat(Json.texts(published.json().path("offers"), "sdp")).containsExactly(sdp("one"), sdp("two"));
        for (JsonNode offer : offers) {
            assertThat(offer.path("id").asText()).isNotBlank();
            assertThat(offer.path("service").asText()).isEqualTo(service);
            assertThat(offer.path("tags").toString()).isEqualTo("[\"eu\",\"video\"]");
            assertThat(offer.path("answered").asBoolean(true)).isFalse();
            Duration lifetime = Duration.between(
                    Instant.parse(offer.path("createdAt").asText()), Instant.parse(offer.path("expiresAt").asText()));
            assertThat(lifetime).isEqualTo(Duration.ofSeconds(120));
        }
        String id = offers.get(0).path("id").asText();
        ApiResponse fetched = api().get("/v1/offers/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().path("id").asText()).isEqualTo(id);
    }

    @Test
    void pagesThroughEveryAvailableOfferWithTheCursor() {
        String service = uniqueService();
        Set<String> published = newPeer().publish(service, List.of(), 5).stream()
                .map(offer -> offer.path("id").asText()).collect(Collectors.toSet());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiResponse page = api().get("/v1/offers?service=" + service + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as("page %s: %s", pages, page).isEqualTo(200);
            List<String> ids = Json.texts(page.json().path("offers"), "id");
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            seen.addAll(ids);
            JsonNode next = page.json().path("nextCursor");
            cursor = next.isNull() || next.isMissingNode() ? null : next.asText();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void findsOffersByServiceAndTagsAndLeavesOutTheCallersOwn() {
        String service = uniqueService();
        Peer alice = newPeer();
        Peer bob = newPeer();
        alice.publish(service, List.of("eu", "video"), 2);
        alice.publish(service, List.of("us"), 1);
        String bobsOffer = bob.publishOne(service, "eu", "video", "hd");

        assertThat(count("service=" + service)).isEqualTo(4);
        assertThat(count("service=" + service + "&tags=eu,video")).isEqualTo(3);
        assertThat(count("service=" + service + "&tags=us")).isEqualTo(1);
        assertThat(count("service=" + service + "&exclude=" + alice.keyId())).isEqualTo(1);
        assertThat(count("service=" + uniqueService())).isZero();

        ApiResponse othersOnly = api().get("/v1/offers?service=" + service + "&exclude=" + alice.keyId());
        assertThat(Json.texts(othersOnly.json().path("offers"), "id")).containsExactly(bobsOffer);

        ApiResponse random = api().get("/v1/offers/random?service=" + service + "&tags=video&exclude=" + alice.keyId());
        assertThat(random.status()).isEqualTo(200);
        assertThat(random.json().path("offer").path("id").asText()).isEqualTo(bobsOffer);

        ApiResponse none = api().get("/v1/offers/random?service=" + uniqueService());
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().path("offer").isNull()).isTrue();
    }

    @Test
    void connectsTwoPeersThatThenSeeOnlyEachOthersCandidates() {
        Peer offerer = newPeer();
        Peer answerer = newPeer();
        String offerId = offerer.publishOne(uniqueService());

        ApiResponse early = offerer.addCandidates(offerId, List.of(candidate("o1")));
        assertThat(early.status()).as("%s", early).isEqualTo(201);
        assertThat(Json.texts(early.json().path("candidates"), "from")).containsExactly("offerer");

        ApiResponse answered = answerer.answer(offerId, sdp("answer"));
        assertThat(answered.status()).as("%s", answered).isEqualTo(201);
        assertThat(answered.json().path("offer").path("answered").asBoolean()).isTrue();
        assertThat(candidateObjects(answered.json().path("offererCandidates"))).containsExactly(sentCandidate("o1"));

        ApiResponse late = answerer.addCandidates(offerId, List.of(candidate("a1"), candidate("a2")));
        assertThat(late.status()).as("%s", late).isEqualTo(201);
        assertThat(Json.texts(late.json().path("candidates"), "from")).containsExactly("answerer", "answerer");

        ApiResponse offererView = offerer.get("/v1/offers/" + offerId + "/candidates?after=0");
        assertThat(offererView.status()).isEqualTo(200);
        assertThat(candidateObjects(offererView.json().path("candidates")))
                .containsExactly(sentCandidate("a1"), sentCandidate("a2"));
        long firstSequence = Json.elements(offererView.json().path("candidates")).get(0).path("sequence").asLong();
        assertThat(offererView.json().path("cursor").asLong())
                .isEqualTo(Json.elements(offererView.json().path("candidates")).get(1).path("sequence").asLong());

        ApiResponse afterFirst = offerer.get("/v1/offers/" + offerId + "/candidates?after=" + firstSequence);
        assertThat(candidateObjects(afterFirst.json().path("candidates"))).containsExactly(sentCandidate("a2"));

        ApiResponse answererView = answerer.get("/v1/offers/" + offerId + "/candidates?after=0");
        assertThat(candidateObjects(answererView.json().path("candidates"))).containsExactly(sentCandidate("o1"));

        ApiResponse publicView = api().get("/v1/offers/" + offerId);
        assertThat(publicView.json().path("answered").asBoolean()).isTrue();
        assertThat(publicView.body()).doesNotContain("answer 2 IN IP4");
    }

    @Test
    void deliversTheAnswerAndTheOtherSidesCandidatesAsEventsAfterTheCursor() {
        Peer offerer = newPeer();
        Peer answerer = newPeer();
        String offerId = offerer.publishOne(uniqueService());
        offerer.addCandidates(offerId, List.of(candidate("o1")));
        answerer.answer(offerId, sdp("answer"));
        answerer.addCandidates(offerId, List.of(candidate("a1")));

        ApiResponse offererEvents = offerer.events(0);
        assertThat(offererEvents.status()).as("%s", offererEvents).isEqualTo(200);
        List<JsonNode> events = Json.elements(offererEvents.json().path("events"));
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("answer", "candidate");
        assertThat(events.get(0).path("offerId").asText()).isEqualTo(offerId);
        assertThat(events.get(0).path("from").asText()).isEqualTo("answerer");
        assertThat(events.get(0).path("sdp").asText()).isEqualTo(sdp("answer"));
        assertThat(events.get(1).path("candidate")).isEqualTo(sentCandidate("a1"));
        assertThat(events.get(0).path("sequence").asLong()).isLessThan(events.get(1).path("sequence").asLong());
        long cursor = offererEvents.json().path("cursor").asLong();
        assertThat(cursor).isEqualTo(events.get(1).path("sequence").asLong());

        ApiResponse nothingNew = offerer.events(cursor);
        assertThat(Json.elements(nothingNew.json().path("events"))).isEmpty();
        assertThat(nothingNew.json().path("cursor").asLong()).isEqualTo(cursor);

        List<JsonNode> answererEvents = Json.elements(answerer.events(0).json().path("events"));
        assertThat(answererEvents).extracting(e -> e.path("type").asText()).containsExactly("candidate");
        assertThat(answererEvents.get(0).path("from").asText()).isEqualTo("offerer");
        assertThat(answererEvents.get(0).path("candidate")).isEqualTo(sentCandidate("o1"));
    }

    @Test
    void wakesALongPollAsSoonAsAnotherPeerAnswers() {
        Peer offerer = newPeer();
        Peer answerer = newPeer();
        String offerId = offerer.publishOne(uniqueService());
        long cursor = offerer.events(0).json().path("cursor").asLong();

        Instant asked = Instant.now();
        CompletableFuture<ApiResponse> poll =
                offerer.call("GET", "/v1/events?after=" + cursor + "&wait=20").sendAsync();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !poll.isDone());

        assertThat(answerer.answer(offerId, sdp("answer")).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(5)).until(poll::isDone);
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
        ApiResponse woken = poll.join();
        assertThat(woken.status()).isEqualTo(200);
        List<JsonNode> events = Json.elements(woken.json().path("events"));
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("answer");
        assertThat(events.get(0).path("offerId").asText()).isEqualTo(offerId);
    }

    @Test
    void letsOnlyTheOwnerReplaceTagsAndDeleteItsOffer() {
        String service = uniqueService();
        Peer owner = newPeer();
        Peer stranger = newPeer();
        String offerId = owner.publishOne(service, "eu");

        ApiResponse retagged = owner.put("/v1/offers/" + offerId + "/tags", Map.of("tags", List.of("us", "video")));
        assertThat(retagged.status()).as("%s", retagged).isEqualTo(200);
        assertThat(retagged.json().path("tags").toString()).isEqualTo("[\"us\",\"video\"]");
        assertThat(count("service=" + service + "&tags=us")).isEqualTo(1);
        assertThat(count("service=" + service + "&tags=eu")).isZero();

        ApiResponse foreignRetag = stranger.put("/v1/offers/" + offerId + "/tags", Map.of("tags", List.of("x")));
        assertThat(foreignRetag.status()).isEqualTo(403);
        assertThat(foreignRetag.code()).isEqualTo("not_offer_owner");
        ApiResponse foreignDelete = stranger.delete("/v1/offers/" + offerId);
        assertThat(foreignDelete.status()).isEqualTo(403);
        assertThat(foreignDelete.code()).isEqualTo("not_offer_owner");

        assertThat(owner.delete("/v1/offers/" + offerId).status()).isEqualTo(204);
        ApiResponse gone = api().get("/v1/offers/" + offerId);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("offer_not_found");
    }

    @Test
    void runsABatchInOrderReportingEachOperationsOutcome() {
        String service = uniqueService();
        Peer owner = newPeer();
        Peer caller = newPeer();
        String theirs = owner.publishOne(service);
        String mine = caller.publishOne(service);

        ApiResponse batch = caller.post("/v1/batch", Map.of("operations", List.of(
                Map.of("op", "publish", "service", service, "tags", List.of("batch"),
                        "offers", List.of(Map.of("sdp", sdp("b1")), Map.of("sdp", sdp("b2"))), "ttlSeconds", 60),
                Map.of("op", "answer", "offerId", theirs, "sdp", sdp("answer")),
                Map.of("op", "addCandidates", "offerId", theirs, "candidates", List.of(candidate("a1"))),
                Map.of("op", "answer", "offerId", theirs, "sdp", sdp("again")),
                Map.of("op", "updateTags", "offerId", mine, "tags", List.of("renamed")),
                Map.of("op", "delete", "offerId", theirs))));

        assertThat(batch.status()).as("%s", batch).isEqualTo(200);
        List<JsonNode> results = Json.elements(batch.json().path("results"));
        assertThat(results).extracting(r -> r.path("index").asInt()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(results).extracting(r -> r.path("status").asInt()).containsExactly(201, 201, 201, 409, 200, 403);
        assertThat(Json.elements(results.get(0).path("result").path("offers"))).hasSize(2);
        assertThat(results.get(1).path("result").path("offer").path("answered").asBoolean()).isTrue();
        assertThat(results.get(3).path("error").path("code").asText()).isEqualTo("offer_already_answered");
        assertThat(results.get(4).path("result").path("tags").toString()).isEqualTo("[\"renamed\"]");
        assertThat(results.get(5).path("error").path("code").asText()).isEqualTo("not_offer_owner");

        assertThat(count("service=" + service + "&tags=batch")).isEqualTo(2);
        List<JsonNode> ownerEvents = Json.elements(owner.events(0).json().path("events"));
        assertThat(ownerEvents).extracting(e -> e.path("type").asText()).containsExactly("answer", "candidate");
    }

    long count(String query) {
        ApiResponse counted = api().get("/v1/offers/count?" + query);
        assertThat(counted.status()).as("%s", counted).isEqualTo(200);
        return counted.json().path("count").asLong();
    }

    /** The candidate objects of a list of Candidates, as JSON trees (equal whatever their field order). */
    private static List<JsonNode> candidateObjects(JsonNode candidates) {
        return Json.elements(candidates).stream().map(c -> c.path("candidate")).toList();
    }

    /** The candidate object as sent, which the server must hand back unchanged. */
    private static JsonNode sentCandidate(String label) {
        return Json.parse(new String(Json.bytes(candidate(label)), StandardCharsets.UTF_8));
    }
}
