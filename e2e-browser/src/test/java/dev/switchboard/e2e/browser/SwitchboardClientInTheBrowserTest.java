package dev.switchboard.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.switchboard.app.Switchboard;
import dev.switchboard.app.SwitchboardConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The JavaScript client ({@code /js/switchboard.js}) in a real headless Chromium against the real server: RFC 9421
 * signatures made with WebCrypto (Ed25519, and HMAC with an issued credential), problems turned into
 * {@code SwitchboardError}s, signals over the WebSocket, and a connection that survives a dropped socket. The page
 * is another web app's: it lies on its own origin, imports the module from the server and calls the server through
 * CORS, as any app using the module would. With {@code -Dswitchboard.client=checkout} the page imports the module
 * from this checkout's sources instead, to try a change without rebuilding the adapter's jar.
 */
@Timeout(90)
class SwitchboardClientInTheBrowserTest {
    private static ClientPageServer pages;
    private static Switchboard switchboard;

    private final List<HeadlessChromium> browsers = new ArrayList<>();

    /** A failing test shows what each browser wrote to its console. */
    @RegisterExtension
    final TestExecutionExceptionHandler consoles = (context, failure) -> {
        browsers.forEach(browser -> failure.addSuppressed(new BrowserConsole(String.join("\n", browser.console()))));
        throw failure;
    };

    @BeforeAll
    static void startSwitchboardAndThePage() {
        pages = ClientPageServer.start();
        switchboard = Switchboard.start(SwitchboardConfig.from(Map.of(
                "SWITCHBOARD_HTTP_HOST", "127.0.0.1",
                "SWITCHBOARD_HTTP_PORT", "0",
                "SWITCHBOARD_HTTP_CORS_ORIGINS", pages.origin(),
                "SWITCHBOARD_PEERJS_ENABLED", "false",
                "SWITCHBOARD_MASTER_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                "SWITCHBOARD_SIGNING_KEY", "8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677"),
                new Properties()));
    }

    @AfterAll
    static void stop() {
        if (switchboard != null) {
            switchboard.close();
        }
        if (pages != null) {
            pages.close();
        }
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(HeadlessChromium::close);
        browsers.clear();
    }

    @Test
    void signedCallsWorkWithEd25519AndWithHmacCredentials() {
        ClientPage alice = page();
        ClientPage bob = page();

        Map<String, Object> aliceKey = alice.create("ed25519");
        assertThat(aliceKey.get("algorithm")).isEqualTo("ed25519");
        assertThat((String) aliceKey.get("keyId")).as("the raw public key in base64url").matches("[A-Za-z0-9_-]{43}");
        Map<String, Object> bobKey = bob.create("hmac-sha256");
        assertThat(bobKey.get("algorithm")).isEqualTo("hmac-sha256");
        assertThat((String) bobKey.get("keyId")).as("an issued credential").startsWith("hk_");

        // Ed25519 hosts, HMAC joins with the code...
        Map<String, Object> opened = alice.value("openSession", Map.of("capacity", 2));
        String sessionId = sessionId(opened);
        assertThat((String) opened.get("inviteCode")).matches("[2-9A-HJ-NP-Z]{8}");
        assertThat((String) opened.get("joinUri")).contains("/join?token=");
        Map<String, Object> joined = bob.value("joinSession", Map.of("code", ((String) opened.get("inviteCode"))
                .toLowerCase()));
        assertThat(sessionId(joined)).isEqualTo(sessionId);
        assertThat(members(alice.value("getSession", sessionId))).hasSize(2);

        // ... and the other way round, joining with the token of the link.
        Map<String, Object> hosted = bob.value("openSession");
        Map<String, Object> joinedByToken = alice.value("joinSession", Map.of("token", hosted.get("inviteToken")));
        assertThat(members(bob.value("getSession", sessionId(hosted))))
                .extracting(member -> member.get("id"))
                .containsExactlyInAnyOrder(hosted.get("memberId"), joinedByToken.get("memberId"));
        assertThat(bob.resolved("leaveSession", sessionId)).as("204 resolves null").isNull();
        assertThat(alice.resolved("closeSession", sessionId)).isNull();
    }

    @Test
    void automaticChoiceTakesEd25519WhereTheBrowserHasIt() {
        assertThat(page().create("auto").get("algorithm")).isEqualTo("ed25519");
    }

    @Test
    void aRefusalSurfacesAsASwitchboardErrorWithStatusAndCode() {
        ClientPage alice = page();
        ClientPage bob = page();
        alice.create("ed25519");
        bob.create("hmac-sha256");

        Map<String, Object> unknownCode = bob.error("joinSession", Map.of("code", "ZZZZZZZZ"));
        assertThat(unknownCode).containsEntry("isSwitchboardError", true).containsEntry("name", "SwitchboardError")
                .containsEntry("status", 404L).containsEntry("code", "session_not_found");
        assertThat((String) unknownCode.get("detail")).isNotBlank();

        String sessionId = sessionId(alice.value("openSession"));
        assertThat(bob.error("getSession", sessionId))
                .containsEntry("status", 403L).containsEntry("code", "not_a_member");
        assertThat(bob.error("request", "POST", "/v1/sessions/join", Map.of("code", "ZZZZZZZZ", "token", "x")))
                .as("request() refuses the same way").containsEntry("status", 422L)
                .containsEntry("code", "validation_failed");

        // Over the WebSocket the refusal is an error frame, surfaced the same way.
        alice.connect(0);
        alice.awaitState("open");
        assertThat(alice.error("sendSignal", sessionId, Map.of("to", "AAAAAAAAAA", "type", "offer",
                "payload", Map.of("sdp", "v=0"))))
                .containsEntry("isSwitchboardError", true).containsEntry("code", "recipient_not_a_member")
                .containsEntry("status", 422L);
        assertThat(alice.sentFrames()).as("the signal went over the socket").contains("signal");
    }

    @Test
    void twoClientsExchangeSignalsOverTheirConnections() {
        ClientPage alice = page();
        ClientPage bob = page();
        alice.create("ed25519");
        bob.create("hmac-sha256");
        Map<String, Object> opened = alice.value("openSession");
        String sessionId = sessionId(opened);
        alice.connect(0);
        bob.connect(0);
        alice.awaitState("open");
        bob.awaitState("open");

        String bobMember = (String) bob.value("joinSession", Map.of("code", opened.get("inviteCode"))).get("memberId");
        assertThat(alice.awaitReceived(1).get(0))
                .containsEntry("type", "peer-joined").containsEntry("member", bobMember);

        alice.value("sendSignal", sessionId, Map.of("to", bobMember, "type", "offer",
                "payload", Map.of("type", "offer", "sdp", "v=0\r\nfrom alice")));
        Map<String, Object> offer = bob.awaitReceived(1).get(0);
        assertThat(offer).containsEntry("type", "signal").containsEntry("signalType", "offer")
                .containsEntry("from", opened.get("memberId")).containsEntry("to", bobMember)
                .containsEntry("payload", Map.of("type", "offer", "sdp", "v=0\r\nfrom alice"));

        Map<String, Object> sent = bob.value("sendSignal", sessionId, Map.of("type", "answer",
                "payload", Map.of("type", "answer", "sdp", "v=0\r\nfrom bob")));
        assertThat((List<?>) sent.get("sequences")).hasSize(1);
        assertThat(alice.awaitReceived(2).get(1)).containsEntry("signalType", "answer")
                .containsEntry("sequence", ((List<?>) sent.get("sequences")).get(0));
        assertThat(alice.sentFrames()).contains("signal", "ack");
        assertThat(bob.sentFrames()).contains("signal", "ack");
        alice.awaitAcknowledged(alice.awaitReceived(2).get(1).get("sequence"));
        bob.awaitAcknowledged(offer.get("sequence"));
    }

    @Test
    void afterTheSocketDropsTheConnectionResumesAndDeliversWhatWasMissedExactlyOnceInOrder() {
        ClientPage alice = page();
        ClientPage bob = page();
        alice.create("ed25519");
        bob.create("ed25519");
        Map<String, Object> opened = alice.value("openSession");
        String sessionId = sessionId(opened);
        bob.value("joinSession", Map.of("code", opened.get("inviteCode")));
        bob.connect(0);
        bob.awaitState("open");

        alice.value("sendSignal", sessionId, Map.of("type", "app:note", "payload", 0));
        Object handled = bob.awaitReceived(1).get(0).get("sequence");
        bob.awaitAcknowledged(handled);
        // The next signal reaches bob's handler, which is still busy with it when the socket drops: unacknowledged.
        bob.run("harness.hold()");
        alice.value("sendSignal", sessionId, Map.of("type", "app:note", "payload", 1));
        bob.awaitReceived(2);
        bob.run("harness.drop(true)");
        bob.awaitState("reconnecting");
        for (int n = 2; n <= 5; n++) {
            alice.value("sendSignal", sessionId, Map.of("type", "app:note", "payload", n));
        }
        bob.run("harness.refuse(false)");
        bob.await("no new WebSocket opened",
                "return harness.state().sockets.slice(1).some(socket => socket.open && !socket.refused)");
        assertThat(bob.state().get("sockets")).asInstanceOf(LIST).last()
                .as("the new socket resumes after the last handled sequence")
                .satisfies(socket -> assertThat(((Map<?, ?>) socket).get("after")).isEqualTo(handled));
        // The server pushes the held signal again: the client must not hand it out a second time.
        bob.run("harness.release()");

        List<Map<String, Object>> received = bob.awaitReceived(6);
        assertThat(received).extracting(message -> message.get("payload")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(received).extracting(message -> (Long) message.get("sequence")).isSorted().doesNotHaveDuplicates();
        bob.awaitAcknowledged(received.get(5).get("sequence"));
        assertThat(bob.state().get("received")).as("nothing more arrives").asInstanceOf(LIST).hasSize(6);
        assertThat((List<?>) bob.value("request", "GET", "/v1/messages?after=0").get("messages"))
                .as("the mailbox was acknowledged to the end").isEmpty();
        assertThat(bob.state().get("states")).asInstanceOf(LIST).containsSubsequence("open", "reconnecting", "open");
    }

    @Test
    void whenWebSocketsKeepFailingItLongPollsInstead() {
        ClientPage alice = page();
        ClientPage bob = page();
        alice.create("hmac-sha256");
        bob.create("ed25519");
        Map<String, Object> opened = alice.value("openSession");
        String sessionId = sessionId(opened);
        bob.value("joinSession", Map.of("code", opened.get("inviteCode")));

        bob.run("harness.refuse(true)");
        bob.connect(0);
        bob.awaitState("open");
        assertThat(bob.state().get("sockets")).asInstanceOf(LIST).as("every socket was refused").isNotEmpty()
                .allSatisfy(socket -> assertThat(((Map<?, ?>) socket).get("refused")).isEqualTo(true));

        alice.value("sendSignal", sessionId, Map.of("type", "app:note", "payload", "polled"));
        Map<String, Object> message = bob.awaitReceived(1).get(0);
        assertThat(message).containsEntry("payload", "polled");
        bob.awaitAcknowledged(message.get("sequence"));
        assertThat((List<?>) bob.value("request", "GET", "/v1/messages?after=0").get("messages"))
                .as("acknowledged over HTTP").isEmpty();
    }

    private ClientPage page() {
        HeadlessChromium browser = HeadlessChromium.launch();
        browsers.add(browser);
        browser.open(pages.page(URI.create("http://127.0.0.1:" + switchboard.httpPort())));
        browser.await(() -> "the page did not load the client", "return typeof harness === 'object'");
        return new ClientPage(browser);
    }

    @SuppressWarnings("unchecked")
    private static String sessionId(Map<String, Object> membership) {
        return (String) ((Map<String, Object>) membership.get("session")).get("id");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> members(Map<String, Object> session) {
        return (List<Map<String, Object>>) session.get("members");
    }

    /** One page holding one client and, once connected, its connection; calls go through WebDriver. */
    private record ClientPage(HeadlessChromium browser) {

        @SuppressWarnings("unchecked")
        Map<String, Object> create(String algorithm) {
            Map<String, Object> result = (Map<String, Object>) browser.run("return harness.create(arguments[0])",
                    algorithm);
            assertThat(result).as("creating a client").doesNotContainKey("error");
            return (Map<String, Object>) result.get("value");
        }

        /** What the client's {@code method(arguments)} resolves, a JSON object; the call must succeed. */
        @SuppressWarnings("unchecked")
        Map<String, Object> value(String method, Object... arguments) {
            return (Map<String, Object>) resolved(method, arguments);
        }

        /** What the client's {@code method(arguments)} resolves; the call must succeed. */
        Object resolved(String method, Object... arguments) {
            Map<String, Object> result = invoke(method, arguments);
            assertThat(result).as(method + " succeeds").doesNotContainKey("error");
            return result.get("value");
        }

        /** The error the client's {@code method(arguments)} rejects with; the call must fail. */
        @SuppressWarnings("unchecked")
        Map<String, Object> error(String method, Object... arguments) {
            Map<String, Object> result = invoke(method, arguments);
            assertThat(result).as(method + " fails").containsKey("error");
            return (Map<String, Object>) result.get("error");
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> invoke(String method, Object... arguments) {
            return (Map<String, Object>) browser.run("return harness.invoke(arguments[0], arguments[1])", method,
                    List.of(arguments));
        }

        void connect(long after) {
            browser.run("harness.connect(arguments[0])", after);
        }

        void run(String statement) {
            browser.run(statement);
        }

        void await(String description, String script) {
            browser.await(() -> description + "; the client's state: " + state(), script);
        }

        void awaitState(String state) {
            await("the connection never became " + state,
                    "return harness.state().connection.state === '" + state + "'");
        }

        void awaitAcknowledged(Object sequence) {
            browser.await(() -> "never acknowledged " + sequence + "; the client's state: " + state(),
                    "return harness.state().connection.lastAcknowledged >= arguments[0]", sequence);
        }

        /** Waits until the handler has been given {@code count} messages, and answers them. */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> awaitReceived(int count) {
            browser.await(() -> "never received " + count + " messages; the client's state: " + state(),
                    "return harness.state().received.length >= arguments[0]", count);
            return (List<Map<String, Object>>) state().get("received");
        }

        /** The frame types the client sent over all its sockets. */
        @SuppressWarnings("unchecked")
        List<String> sentFrames() {
            return ((List<Map<String, Object>>) state().get("sockets")).stream()
                    .flatMap(socket -> ((List<String>) socket.get("sent")).stream())
                    .toList();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> state() {
            return (Map<String, Object>) browser.run("return harness.state()");
        }
    }

    /**
     * Serves the test page on its own loopback origin: {@code /} and {@code /harness.js} from the test's resources,
     * and {@code /switchboard.js}, the module's source in this checkout.
     */
    private static final class ClientPageServer implements AutoCloseable {
        private static final Path CLIENT_SOURCE =
                Path.of("../adapter-http/src/main/resources/dev/switchboard/adapter/http/web/switchboard.js");
        private static final boolean CLIENT_FROM_CHECKOUT = "checkout".equals(System.getProperty("switchboard.client"));

        private final TestPageServer server;

        private ClientPageServer(TestPageServer server) {
            this.server = server;
        }

        static ClientPageServer start() {
            return new ClientPageServer(TestPageServer.start(Map.of(
                    "/", TestPageServer.resource("client-page/index.html"),
                    "/harness.js", TestPageServer.resource("client-page/harness.js"),
                    "/switchboard.js", TestPageServer.file(CLIENT_SOURCE))));
        }

        /** The page's origin, which the server must allow for CORS. */
        String origin() {
            return server.origin();
        }

        URI page(URI switchboard) {
            return URI.create(origin() + "/?server=" + switchboard
                    + (CLIENT_FROM_CHECKOUT ? "&client=" + origin() + "/switchboard.js" : ""));
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
