package dev.switchboard.e2e.browser;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Opens test pages, each in its own headless Chromium, and closes them after each test. When a test fails, every
 * open browser's events and console are attached to the failure (as suppressed exceptions), while it still runs.
 * Register it as an instance field with {@code @RegisterExtension}.
 */
final class Browsers implements AfterEachCallback, TestExecutionExceptionHandler {
    private final List<HeadlessChromium> browsers = new ArrayList<>();
    private final List<BrowserPeer> peers = new ArrayList<>();
    private PeerPageServer pages;

    /** A new browser showing the test page, once the page has loaded the peerjs client. */
    BrowserPeer openPage(String name) {
        if (pages == null) {
            pages = PeerPageServer.start();
        }
        HeadlessChromium browser = HeadlessChromium.launch();
        browsers.add(browser);
        BrowserPeer peer = new BrowserPeer(name, browser);
        peers.add(peer);
        browser.open(pages.page());
        browser.await(() -> "the page of " + name + " did not load the peerjs client",
                "return typeof Peer === 'function' && typeof harness === 'object'");
        return peer;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        peers.forEach(peer -> failure.addSuppressed(new BrowserConsole(peer.diagnostics())));
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        browsers.forEach(HeadlessChromium::close);
        browsers.clear();
        peers.clear();
        if (pages != null) {
            pages.close();
            pages = null;
        }
    }
}
