package dev.switchboard.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The drop-in promise, proven with the real client: the {@code peerjs} npm package in two headless Chromiums
 * connects through Switchboard's PeerJS endpoint with no STUN or TURN server ({@code iceServers: []}), and the
 * browsers reach each other directly over loopback. Nothing is mocked: the server is the application, the
 * signaling is PeerJS's own, the data channel and the media are Chromium's WebRTC.
 */
@Timeout(60)
class PeerJsInTheBrowserTest {
    private static LocalSwitchboard switchboard;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeAll
    static void startSwitchboard() {
        switchboard = LocalSwitchboard.start();
    }

    @AfterAll
    static void stopSwitchboard() {
        switchboard.close();
    }

    @Test
    void twoPeersOpenADataConnectionAndExchangeMessagesBothWaysIntact() {
        BrowserPeer alice = connected("alice-data");
        BrowserPeer bob = connected("bob-data");

        alice.dial("bob-data");
        bob.awaitEvent("connection:alice-data");
        alice.awaitEvent("connection-open:bob-data");
        bob.awaitEvent("connection-open:alice-data");

        Map<String, Object> structured = Map.of("kind", "greeting", "count", 3L, "tags", List.of("a", "b"));
        alice.send("bob-data", "hello from alice, ünïcödé ✓ 👋");
        alice.send("bob-data", structured);
        bob.send("alice-data", "hello back from bob");
        assertThat(bob.awaitReceived("alice-data", 2))
                .containsExactly("hello from alice, ünïcödé ✓ 👋", structured);
        assertThat(alice.awaitReceived("bob-data", 1)).containsExactly("hello back from bob");

        List<Object> inOrder = new ArrayList<>(List.of("hello back from bob"));
        LongStream.rangeClosed(1, 50).forEach(n -> {
            bob.send("alice-data", n);
            inOrder.add(n);
        });
        assertThat(alice.awaitReceived("bob-data", 51)).as("a reliable connection keeps the order")
                .containsExactlyElementsOf(inOrder);

        alice.closeConnection("bob-data");
        alice.awaitEvent("connection-close:bob-data");
        bob.awaitEvent("connection-close:alice-data");
        assertThat(alice.events()).noneMatch(event -> event.contains("error"));
        assertThat(bob.events()).noneMatch(event -> event.contains("error"));
    }

    @Test
    void aMedialessCallCarriesACanvasStreamEachWay() {
        BrowserPeer alice = connected("alice-call");
        BrowserPeer bob = connected("bob-call");

        alice.call("bob-call");
        bob.awaitEvent("call:alice-call");

        assertThat(alice.awaitEventStartingWith("stream:bob-call:")).isEqualTo("stream:bob-call:video/live");
        assertThat(bob.awaitEventStartingWith("stream:alice-call:")).isEqualTo("stream:alice-call:video/live");
        // Decoded frames of the other side's canvas (160 x 120): the media really flowed, not only the signaling.
        assertThat(alice.awaitEventStartingWith("video-frames:bob-call:")).isEqualTo("video-frames:bob-call:160x120");
        assertThat(bob.awaitEventStartingWith("video-frames:alice-call:"))
                .isEqualTo("video-frames:alice-call:160x120");
        assertThat(alice.events()).noneMatch(event -> event.contains("error"));
        assertThat(bob.events()).noneMatch(event -> event.contains("error"));
    }

    @Test
    void aPeerWithoutAnIdIsGivenOneByTheServerAndCanBeReachedUnderIt() {
        BrowserPeer carol = browsers.openPage("carol");
        carol.connectWithoutId(switchboard.peerJsPort());
        String carolId = carol.awaitEventStartingWith("open:").substring("open:".length());
        assertThat(carolId).isNotBlank();

        BrowserPeer dave = connected("dave-assigned");
        dave.dial(carolId);
        carol.awaitEvent("connection-open:dave-assigned");
        dave.awaitEvent("connection-open:" + carolId);
        dave.send(carolId, "found you");
        assertThat(carol.awaitReceived("dave-assigned", 1)).containsExactly("found you");
    }

    /** The texts and types the client shows are those the {@code peer} 1.0 server makes it show. */
    @Test
    void theClientReportsATakenIdAndAnUnknownKeyAsWithThePeerServer() {
        connected("erin-taken");
        BrowserPeer impostor = browsers.openPage("impostor");

        impostor.connect("erin-taken", switchboard.peerJsPort());
        assertThat(impostor.awaitEventStartingWith("error:"))
                .isEqualTo("error:unavailable-id:ID \"erin-taken\" is taken");

        BrowserPeer stranger = browsers.openPage("stranger");
        stranger.connect("frank-wrong-key", switchboard.peerJsPort(), "not-a-key");
        assertThat(stranger.awaitEventStartingWith("error:"))
                .isEqualTo("error:server-error:Invalid key provided");
    }

    /** A new browser whose peer has connected to Switchboard under {@code id} (the server said OPEN). */
    private BrowserPeer connected(String id) {
        BrowserPeer peer = browsers.openPage(id);
        peer.connect(id, switchboard.peerJsPort());
        peer.awaitEvent("open:" + id);
        return peer;
    }
}
