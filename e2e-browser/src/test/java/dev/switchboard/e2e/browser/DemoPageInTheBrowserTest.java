package dev.switchboard.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo page the application serves, used by two people in two headless Chromiums: one opens a session, the
 * other joins it with the invite code or the invite link, their {@code RTCPeerConnection}s reach {@code connected}
 * with host candidates only ({@code iceServers: []}, loopback), and what each types in the chat arrives on the other
 * side over the data channel. Every signal goes through Switchboard: once on the in-memory store, once through two
 * instances sharing one PostgreSQL, each browser talking to its own instance, as behind a load balancer. Chromium
 * logs no error on the way (a refused WebSocket, a file the page could not load, an uncaught exception).
 */
@Timeout(120)
class DemoPageInTheBrowserTest {
    /** A desktop window for the host, a phone's screen (375 CSS pixels wide, as most phones) for the guest. */
    private static final int DESKTOP_WIDTH = 1024;
    private static final int DESKTOP_HEIGHT = 768;
    private static final int PHONE_WIDTH = 375;
    private static final int PHONE_HEIGHT = 812;

    /** The scenarios, whichever instances the two browsers use. */
    abstract static class Scenarios {
        @RegisterExtension
        final Browsers browsers = new Browsers();

        /** Where the host's browser goes. */
        abstract URI hostSide();

        /** Where the guest's browser goes: the host's instance, or another one on the same database. */
        abstract URI guestSide();

        /** A name for the screenshots of this setup. */
        abstract String setup();

        @Test
        void twoBrowsersPairByCodeConnectDirectlyAndChatBothWays() {
            DemoPage host = browsers.openDemo("host", hostSide().resolve("/demo"));
            host.showOnADesktop(DESKTOP_WIDTH, DESKTOP_HEIGHT);
            host.awaitPhase("idle");
            assertThat(host.connectionState()).isEqualTo("none");
            String code = host.openSession();
            assertThat(host.inviteQrKind()).as("the invite's QR code").isIn("img", "svg");

            DemoPage guest = browsers.openDemo("guest", guestSide().resolve("/demo"));
            guest.showOnAPhone(PHONE_WIDTH, PHONE_HEIGHT);
            guest.joinByCode(code);
            host.awaitConnected();
            guest.awaitConnected();

            host.send("Hello from the host: ünïcödé ✓");
            guest.awaitReceived("Hello from the host: ünïcödé ✓");
            guest.send("Hi back, straight over the data channel");
            host.awaitReceived("Hi back, straight over the data channel");
            host.send("Nice, no server in between");
            guest.awaitReceived("Nice, no server in between");

            assertThat(host.chat("sent")).containsExactly("Hello from the host: ünïcödé ✓", "Nice, no server in between");
            assertThat(host.chat("received")).containsExactly("Hi back, straight over the data channel");
            assertThat(guest.chat("sent")).containsExactly("Hi back, straight over the data channel");
            assertThat(guest.chat("received"))
                    .containsExactly("Hello from the host: ünïcödé ✓", "Nice, no server in between");
            assertThat(host.error()).isEmpty();
            assertThat(guest.error()).isEmpty();
            assertThat(host.consoleErrors()).as("what Chromium logged as errors for the host").isEmpty();
            assertThat(guest.consoleErrors()).as("what Chromium logged as errors for the guest").isEmpty();
            SideBySide.write("demo-paired-" + setup() + ".png", host.screenshotOfTheWholePage(),
                    guest.screenshotOfTheWholePage());
        }

        @Test
        void aGuestJoinsByTheInviteLinkAloneAndTheyChat() {
            DemoPage host = browsers.openDemo("host", hostSide().resolve("/demo"));
            host.openSession();
            URI link = host.joinLink();
            assertThat(link.getAuthority()).as("built from the host's request").isEqualTo(hostSide().getAuthority());
            assertThat(link.getPath()).isEqualTo("/join");
            assertThat(link.getQuery()).startsWith("token=");

            // The link names the host's instance; a balancer could as well send the guest to the other one.
            DemoPage guest = browsers.openDemo("guest", guestSide().resolve(link.getRawPath() + "?" + link.getRawQuery()));
            host.awaitConnected();
            guest.awaitConnected();

            guest.send("joined by the link");
            host.awaitReceived("joined by the link");
            host.send("welcome");
            guest.awaitReceived("welcome");
            assertThat(host.error()).isEmpty();
            assertThat(guest.error()).isEmpty();
            assertThat(host.consoleErrors()).as("what Chromium logged as errors for the host").isEmpty();
            assertThat(guest.consoleErrors()).as("what Chromium logged as errors for the guest").isEmpty();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnTheInMemoryStore extends Scenarios {
        private LocalSwitchboard switchboard;

        @BeforeAll
        void start() {
            switchboard = LocalSwitchboard.start();
        }

        @AfterAll
        void stop() {
            switchboard.close();
        }

        @Override
        URI hostSide() {
            return switchboard.origin();
        }

        @Override
        URI guestSide() {
            return switchboard.origin();
        }

        @Override
        String setup() {
            return "memory";
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnTwoInstancesOfOnePostgres extends Scenarios {
        private LocalSwitchboard first;
        private LocalSwitchboard second;

        @BeforeAll
        void start() {
            Map<String, String> database = SharedPostgres.switchboardSettings();
            first = LocalSwitchboard.start(database);
            second = LocalSwitchboard.start(database);
        }

        @AfterAll
        void stop() {
            if (second != null) {
                second.close();
            }
            first.close();
        }

        @Override
        URI hostSide() {
            return first.origin();
        }

        @Override
        URI guestSide() {
            return second.origin();
        }

        @Override
        String setup() {
            return "two-instances-on-postgres";
        }
    }
}
