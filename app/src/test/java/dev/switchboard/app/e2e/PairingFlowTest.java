package dev.switchboard.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.app.StoreKind;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

/** Two (or three) peers pair by code or token and talk over real WebSockets, on every store. */
@OnEveryStore
class PairingFlowTest {

    @Parameter
    StoreKind store;

    /** A budget no test here spends: the guessing budget has a suite of its own. */
    @RegisterExtension
    static final RunningSwitchboard SWITCHBOARD =
            RunningSwitchboard.withTestSettingsAnd(Map.of("SWITCHBOARD_JOIN_FAILURE_BUDGET", "10000"));

    static Api api() {
        return SWITCHBOARD.api();
    }

    static Predicate<JsonNode> ofType(String type) {
        return frame -> frame.path("type").asText().equals(type);
    }

    static Predicate<JsonNode> signal(String signalType) {
        return frame -> frame.path("type").asText().equals("signal")
                && frame.path("signalType").asText().equals(signalType);
    }

    @Nested
    class TwoMembers {

        /** Alice offers, Bob answers, both trickle a candidate; each sees only the other's signals. */
        void exchangeOfferAnswerAndCandidates(Member alice, Member bob) {
            try (SocketClient aliceSocket = alice.connect(api(), 0); SocketClient bobSocket = bob.connect(api(), 0)) {
                aliceSocket.send(alice.signalFrame("1", bob.memberId(), "offer", Map.of("sdp", TestData.sdp("offer"))));
                JsonNode sent = aliceSocket.awaitFrame(ofType("sent"));
                JsonNode offer = bobSocket.awaitFrame(signal("offer"));
                assertThat(offer.path("sequence").asLong()).isEqualTo(sent.path("sequences").get(0).asLong());
                assertThat(offer.path("from").asText()).isEqualTo(alice.memberId());
                assertThat(offer.path("payload").path("sdp").asText()).isEqualTo(TestData.sdp("offer"));

                bobSocket.send(bob.signalFrame("2", alice.memberId(), "answer", Map.of("sdp", TestData.sdp("answer"))));
                JsonNode answer = aliceSocket.awaitFrame(signal("answer"));
                assertThat(answer.path("from").asText()).isEqualTo(bob.memberId());
                assertThat(answer.path("payload").path("sdp").asText()).isEqualTo(TestData.sdp("answer"));

                aliceSocket.send(alice.signalFrame("3", bob.memberId(), "ice-candidate", Map.of("candidate", "a")));
                bobSocket.send(bob.signalFrame("4", alice.memberId(), "ice-candidate", Map.of("candidate", "b")));
                assertThat(bobSocket.awaitFrame(signal("ice-candidate")).path("payload").path("candidate").asText())
                        .isEqualTo("a");
                assertThat(aliceSocket.awaitFrame(signal("ice-candidate")).path("payload").path("candidate").asText())
                        .isEqualTo("b");
                assertThat(bobSocket.messages()).noneMatch(signal("answer"));
                assertThat(aliceSocket.messages()).noneMatch(signal("offer"));
            }
        }

        @Test
        void pairByCodeAndExchangeOfferAnswerAndCandidates() {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 2);
            Member bob = session.joinByCode(api().newEd25519Peer());

            assertThat(bob.sessionId()).isEqualTo(session.id());
            exchangeOfferAnswerAndCandidates(session.host(), bob);
        }

        @Test
        void pairByCodeTypedInLowerCase() {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 2);

            Member bob = Member.join(api().newEd25519Peer(), Map.of("code", session.inviteCode().toLowerCase()));

            assertThat(bob.sessionId()).isEqualTo(session.id());
        }

        @Test
        void pairByTokenFromTheJoinLinkAndExchangeOfferAnswerAndCandidates() {
            OpenedSession session = OpenedSession.open(api().newEd25519Peer(), 2);
            assertThat(session.joinUri()).endsWith("/join?token=" + session.inviteToken());

            Member bob = session.joinByToken(api().newHmacPeer());

            assertThat(bob.sessionId()).isEqualTo(session.id());
            exchangeOfferAnswerAndCandidates(session.host(), bob);
        }
    }

    @Nested
    class Refusals {

        @Test
        void refusesAMemberBeyondTheCapacity() {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 2);
            session.joinByCode(api().newHmacPeer());

            ApiResponse refused = api().newHmacPeer().post("/v1/sessions/join", Map.of("code", session.inviteCode()));

            assertThat(refused.status()).as("%s", refused).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("session_full");
        }

        @Test
        void answersAnUnknownCodeWithNotFound() {
            ApiResponse refused = api().newHmacPeer().post("/v1/sessions/join", Map.of("code", "ZZZZ2345"));

            assertThat(refused.status()).as("%s", refused).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("session_not_found");
        }

        @Test
        void answersAForgedTokenAsAnInvalidInvite() {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 2);
            String token = session.inviteToken();
            char last = token.charAt(token.length() - 1);
            String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

            ApiResponse refused = api().newHmacPeer().post("/v1/sessions/join", Map.of("token", forged));

            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("invite_invalid");
        }

        @Test
        void refusesAnUpgradeWithABadTicket() {
            assertThat(SocketClient.refusedStatus(api(), "ticket=not-a-ticket&after=0")).isEqualTo(401);
        }

        @Test
        void refusesASecondUpgradeWithTheSameTicket() {
            Member alice = OpenedSession.open(api().newHmacPeer(), 2).host();
            String ticket = alice.ticket();

            try (SocketClient first = SocketClient.open(api(), "ticket=" + ticket)) {
                first.awaitFrame(ofType("welcome"));
                assertThat(SocketClient.refusedStatus(api(), "ticket=" + ticket)).isEqualTo(401);
            }
        }
    }

    @Nested
    class Membership {

        @Test
        void tellsTheHostWhoJoinedAndWhoLeft() {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 3);
            try (SocketClient host = session.host().connect(api(), 0)) {
                Member bob = session.joinByCode(api().newHmacPeer());
                assertThat(host.awaitFrame(ofType("peer-joined")).path("member").asText()).isEqualTo(bob.memberId());

                assertThat(bob.peer().post("/v1/sessions/" + bob.sessionId() + "/leave", Map.of()).status())
                        .isEqualTo(204);

                JsonNode left = host.awaitFrame(ofType("peer-left"));
                assertThat(left.path("member").asText()).isEqualTo(bob.memberId());
                assertThat(left.path("reason").asText()).isEqualTo("left");
            }
        }

        @Test
        void tellsEveryMemberButNotTheLeaverThatSomeoneLeft() {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 3);
            Member bob = session.joinByCode(api().newHmacPeer());
            Member carol = session.joinByToken(api().newEd25519Peer());
            try (SocketClient bobSocket = bob.connect(api(), 0); SocketClient carolSocket = carol.connect(api(), 0)) {
                carol.peer().post("/v1/sessions/" + carol.sessionId() + "/leave", Map.of());

                assertThat(bobSocket.awaitFrame(ofType("peer-left")).path("member").asText())
                        .isEqualTo(carol.memberId());
                // Bob's push proves the leave is done; Carol's mailbox of the session was emptied, not told.
                assertThat(carolSocket.messages()).noneMatch(ofType("peer-left"));
            }
        }

        @Test
        void tellsTheOtherMembersWhenTheHostClosesTheSession() {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 2);
            Member bob = session.joinByCode(api().newHmacPeer());
            try (SocketClient bobSocket = bob.connect(api(), 0)) {
                assertThat(session.host().peer().delete("/v1/sessions/" + session.id()).status()).isEqualTo(204);

                JsonNode closed = bobSocket.awaitFrame(ofType("session-closed"));
                assertThat(closed.path("sessionId").asText()).isEqualTo(session.id());
            }
        }

        @Test
        void refusesToCloseForAMemberWhoIsNotTheHost() {
            OpenedSession session = OpenedSession.open(api().newHmacPeer(), 2);
            Member bob = session.joinByCode(api().newHmacPeer());

            ApiResponse refused = bob.peer().delete("/v1/sessions/" + session.id());

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("not_session_host");
        }
    }
}
