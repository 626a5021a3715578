package dev.switchboard.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ids that cannot be squatted, proven with the real clients: with {@code SWITCHBOARD_PEERJS_AUTHENTICATION=token},
 * each page gets its id and token from a signed {@code POST /v1/peerjs/tokens}, made by the JavaScript client
 * ({@code /js/switchboard.js}, imported from the server across origins, signing with WebCrypto Ed25519), and hands
 * them to the unmodified {@code peerjs} client: {@code new Peer(id, {host, port, path, key, token})}. A page that
 * claims an id without that id's token gets the server's refusal as the client's {@code error} event and never
 * opens.
 */
@Timeout(90)
class PeerJsAuthenticationInTheBrowserTest {
    private static final String REFUSAL =
            "error:server-error:Invalid token: this server requires a PeerJS token issued for this id";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private LocalSwitchboard switchboard;

    @AfterEach
    void stopSwitchboard() {
        if (switchboard != null) {
            switchboard.close();
        }
    }

    @Test
    void peersWithTheTokensOfTheirIdsConnectAndExchangeMessagesBothWays() {
        BrowserPeer alice = browsers.openPage("alice");
        BrowserPeer bob = browsers.openPage("bob");
        startSwitchboardFor(alice);

        PeerJsToken aliceToken = tokenFor(alice);
        PeerJsToken bobToken = tokenFor(bob);
        assertThat(aliceToken.id()).as("an id derived from the page's own key").matches("[0-9a-f]{32}")
                .isNotEqualTo(bobToken.id());
        connect(alice, aliceToken.id(), aliceToken.token());
        connect(bob, bobToken.id(), bobToken.token());
        alice.awaitEvent("open:" + aliceToken.id());
        bob.awaitEvent("open:" + bobToken.id());

        alice.dial(bobToken.id());
        bob.awaitEvent("connection:" + aliceToken.id());
        alice.awaitEvent("connection-open:" + bobToken.id());
        bob.awaitEvent("connection-open:" + aliceToken.id());
        alice.send(bobToken.id(), "hello from an authenticated alice");
        bob.send(aliceToken.id(), "hello back from an authenticated bob");
        assertThat(bob.awaitReceived(aliceToken.id(), 1)).containsExactly("hello from an authenticated alice");
        assertThat(alice.awaitReceived(bobToken.id(), 1)).containsExactly("hello back from an authenticated bob");
        assertThat(alice.events()).noneMatch(event -> event.contains("error"));
        assertThat(bob.events()).noneMatch(event -> event.contains("error"));
    }

    @Test
    void aPeerClaimingAnIdWithAnotherIdsTokenOrWithoutATokenIsRefusedAndNeverOpens() {
        BrowserPeer carol = browsers.openPage("carol");
        BrowserPeer withOwnToken = browsers.openPage("mallory-with-her-own-token");
        BrowserPeer withoutToken = browsers.openPage("mallory-without-a-token");
        startSwitchboardFor(carol);
        PeerJsToken carolToken = tokenFor(carol);
        PeerJsToken malloryToken = tokenFor(withOwnToken);

        connect(withOwnToken, carolToken.id(), malloryToken.token());
        assertThat(withOwnToken.awaitEventStartingWith("error:")).isEqualTo(REFUSAL);
        // The peerjs client makes up a random token when given none.
        withoutToken.connect(carolToken.id(), switchboard.peerJsPort());
        assertThat(withoutToken.awaitEventStartingWith("error:")).isEqualTo(REFUSAL);

        // The id stayed free for its owner, and the refused pages did not open meanwhile or since.
        connect(carol, carolToken.id(), carolToken.token());
        carol.awaitEvent("open:" + carolToken.id());
        pause(Duration.ofMillis(500));
        assertThat(withOwnToken.events()).noneMatch(event -> event.startsWith("open:"));
        assertThat(withoutToken.events()).noneMatch(event -> event.startsWith("open:"));
    }

    /** The server, with authentication on and its API open to the pages' origin (the server every page shares). */
    private void startSwitchboardFor(BrowserPeer page) {
        String pageOrigin = (String) page.evaluate("return location.origin");
        switchboard = LocalSwitchboard.start(Map.of(
                "SWITCHBOARD_PEERJS_AUTHENTICATION", "token",
                "SWITCHBOARD_HTTP_CORS_ORIGINS", pageOrigin));
    }

    /** A fresh Ed25519 identity in the page asks for its PeerJS id and token, as an app would. */
    @SuppressWarnings("unchecked")
    private PeerJsToken tokenFor(BrowserPeer page) {
        Map<String, Object> issued = (Map<String, Object>) page.evaluate(
                "const server = '" + switchboard.origin() + "';"
                        + " return import(server + '/js/switchboard.js').then(async ({ SwitchboardClient }) => {"
                        + "   const client = await SwitchboardClient.create({ baseUrl: server, algorithm: 'ed25519' });"
                        + "   return client.request('POST', '/v1/peerjs/tokens', {});"
                        + " });");
        assertThat(issued).containsKeys("id", "token", "expiresAt");
        return new PeerJsToken((String) issued.get("id"), (String) issued.get("token"));
    }

    /** {@code new Peer(id, {host, port, path, key, token})}, with no STUN or TURN. */
    private void connect(BrowserPeer page, String id, String token) {
        page.evaluate("harness.start('" + id + "', {host: '127.0.0.1', port: " + switchboard.peerJsPort()
                + ", path: '/', key: 'peerjs', token: '" + token + "', config: {iceServers: []}, debug: 2})");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record PeerJsToken(String id, String token) {
    }
}
