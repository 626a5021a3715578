package dev.switchboard.e2e.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
    private final List<Supplier<String>> diagnostics = new ArrayList<>();
    private PeerPageServer pages;

    /** A new browser showing the test page, once the page has loaded the peerjs client. */
    BrowserPeer openPage(String name) {
        if (pages == null) {
            pages = PeerPageServer.start();
        }
        HeadlessChromium browser = launch();
        BrowserPeer peer = new BrowserPeer(name, browser);
        diagnostics.add(peer::diagnostics);
        browser.open(pages.page());
        browser.await(() -> "the page of " + name + " did not load the peerjs client",
                "return typeof Peer === 'function' && typeof harness === 'object'");
        return peer;
    }

    /** A new browser showing Switchboard's demo page at {@code page} ({@code /demo} or a join link), once it runs. */
    DemoPage openDemo(String name, URI page) {
        DemoPage demo = new DemoPage(name, launch());
        diagnostics.add(demo::diagnostics);
        demo.open(page);
        return demo;
    }

    private HeadlessChromium launch() {
        HeadlessChromium browser = HeadlessChromium.launch();
        browsers.add(browser);
        return browser;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        diagnostics.forEach(report -> failure.addSuppressed(new BrowserConsole(report.get())));
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        browsers.forEach(HeadlessChromium::close);
        browsers.clear();
        diagnostics.clear();
        if (pages != null) {
            pages.close();
            pages = null;
        }
    }
}
