package dev.switchboard.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The groundwork of the browser tests: Debian's Chromium starts headless and runs the real peerjs client. */
@Timeout(60)
class PeerJsClientLoadTest {
    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void chromiumLoadsThePeerjsClientFromNpmAndSupportsDataChannels() {
        BrowserPeer page = browsers.openPage("alone");

        assertThat(page.evaluate("return typeof Peer")).isEqualTo("function");
        assertThat(page.evaluate("return typeof peerjs.Peer")).isEqualTo("function");
        assertThat(page.evaluate("return peerjs.util.supports.data")).isEqualTo(true);
        assertThat(page.evaluate("return peerjs.util.supports.audioVideo")).isEqualTo(true);
    }
}
