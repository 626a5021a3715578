package dev.switchboard.app.e2e;

import static dev.switchboard.app.e2e.PairingFlowTest.ofType;
import static dev.switchboard.app.e2e.PairingFlowTest.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL schema of their own, both sweeping every second, as every instance does: the
 * sweeps split the work without failing, each expired record is deleted (and counted) by exactly one of them, and
 * a member that falls silent is timed out once, its departure told once.
 */
class ConcurrentSweepTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static TwoInstances instances;

    @BeforeAll
    static void startTwoSweepingInstances() {
        instances = TwoInstances.onSchemaOfTheirOwn("sweep", Map.of(
                "SWITCHBOARD_SWEEP_INTERVAL_SECONDS", "1",
                "SWITCHBOARD_PRESENCE_TIMEOUT_SECONDS", "3",
                "SWITCHBOARD_WS_PING_INTERVAL_SECONDS", "1",
                "SWITCHBOARD_WS_KEEP_ALIVE_INTERVAL_SECONDS", "1",
                "SWITCHBOARD_WS_IDLE_TIMEOUT_SECONDS", "10"));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void deleteEachExpiredOfferOnceBetweenThemWithoutAFailedSweep() {
        int offers = 40;
        Peer publisher = instances.first().api().newEd25519Peer();
        String service = TestData.uniqueService();
        List<String> ids = IntStream.range(0, offers).mapToObj(i -> OfferExpiryTest.publishForOneSecond(
                i % 2 == 0 ? publisher : publisher.via(instances.second().api()), service)).toList();

        await().atMost(PATIENCE).until(() -> swept("offers") >= offers);
        // Two more rounds of both sweepers: a double count would show now.
        InstanceCrashTest.pause(2_500);

        assertThat(swept("offers")).isEqualTo(offers);
        assertThat(ids).allSatisfy(id -> assertThat(instances.second().api().get("/v1/offers/" + id).status())
                .isEqualTo(404));
        assertThat(meter(instances.first(), "switchboard_sweeper_failures_total", "")).isZero();
        assertThat(meter(instances.second(), "switchboard_sweeper_failures_total", "")).isZero();
    }

    @Test
    void timeOutASilentMemberOnceAndTellEveryoneOnce() {
        OpenedSession session = OpenedSession.open(instances.first().api().newHmacPeer(), 3);
        Member bob = session.joinByCode(instances.second().api().newHmacPeer());
        Member carol = session.joinByToken(instances.second().api().newEd25519Peer());
        // Bob fetches once on the second instance, then falls silent; the others stay present through their sockets.
        assertThat(bob.peer().get("/v1/messages?after=0").status()).isEqualTo(200);
        try (SocketClient host = session.host().connect(instances.first().api(), 0);
                SocketClient carolSocket = carol.connect(instances.second().api(), 0)) {
            JsonNode left = host.awaitFrame(ofType("peer-left"));
            assertThat(left.path("member").asText()).isEqualTo(bob.memberId());
            assertThat(left.path("reason").asText()).isEqualTo("timed-out");
            InstanceCrashTest.pause(2_500);
            // A marker sent last: once it is pushed, a second departure sent before it would have been pushed too.
            carolSocket.send(carol.signalFrame("m", session.host().memberId(), "app:marker", Map.of()));
            host.awaitFrame(signal("app:marker"));
            carolSocket.awaitFrame(frame -> ofType("peer-left").test(frame));

            assertThat(host.messages()).filteredOn(ofType("peer-left")).hasSize(1);
            assertThat(carolSocket.messages()).filteredOn(ofType("peer-left")).singleElement()
                    .satisfies(told -> assertThat(told.path("member").asText()).isEqualTo(bob.memberId()));
            assertThat(swept("timed_out_members")).isEqualTo(1);
        }
    }

    /** What both instances' sweepers together report they deleted of {@code kind}. */
    private static long swept(String kind) {
        String tag = "kind=\"" + kind + "\"";
        return meter(instances.first(), "switchboard_sweeper_deleted_total", tag)
                + meter(instances.second(), "switchboard_sweeper_deleted_total", tag);
    }

    /** A counter's value in the instance's Prometheus scrape, 0 while it has not been registered. */
    private static long meter(StartedSwitchboard instance, String name, String tag) {
        ApiResponse scraped = instance.api().get("/metrics");
        assertThat(scraped.status()).as("%s", scraped).isEqualTo(200);
        Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*" + Pattern.quote(tag) + "[^}]*})? ([0-9.Ee+]+)$")
                .matcher(scraped.body());
        return value.find() ? (long) Double.parseDouble(value.group(2)) : 0;
    }
}
