package dev.switchboard.e2e.browser;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One browser on Switchboard's demo page, used as a person would use it: clicks and keystrokes on the page's fixed
 * ids ({@code docs/javascript-client.md}), and what the page shows read back. Every wait is bounded by
 * {@link HeadlessChromium#PATIENCE}.
 */
final class DemoPage {
    private static final String STATE = "const state = document.querySelector('#connection-state');";

    private final String name;
    private final HeadlessChromium browser;
    /** Every console line read so far: chromedriver hands each line out only once. */
    private final List<String> console = new ArrayList<>();
    private boolean mobile;

    DemoPage(String name, HeadlessChromium browser) {
        this.name = name;
        this.browser = browser;
    }

    /** Loads {@code page} and waits until its module has run (the body carries a phase). */
    void open(URI page) {
        browser.open(page);
        browser.await(() -> name + ": the demo page at " + page + " never started; " + shown(),
                "return !!document.body && !!document.body.dataset.phase");
    }

    /** Lays the page out as on a phone's screen of {@code width} by {@code height} CSS pixels. */
    void showOnAPhone(int width, int height) {
        mobile = true;
        browser.emulateScreen(width, height, true);
    }

    /** Lays the page out as in a desktop browser's window of {@code width} by {@code height} CSS pixels. */
    void showOnADesktop(int width, int height) {
        mobile = false;
        browser.emulateScreen(width, height, false);
    }

    /** Clicks "open session" and returns the invite code once the page shows it. */
    String openSession() {
        browser.element("#open-session").click();
        awaitPhase("hosting");
        return (String) browser.await(() -> name + " never showed an invite code; " + shown(),
                "const code = document.querySelector('#invite-code').textContent.trim();"
                        + " return code.replace(/[\\s-]/g, '').length === 8 ? code : null");
    }

    /** The join link the page offers next to the code. */
    URI joinLink() {
        return URI.create(browser.element("#join-link").getDomAttribute("href"));
    }

    /** What {@code #invite-qr} holds: {@code img} (with a {@code data:} image) or {@code svg}; null when neither. */
    String inviteQrKind() {
        return (String) browser.run("const qr = document.querySelector('#invite-qr');"
                + " if (qr.querySelector('img[src^=\"data:image/\"]') || (qr.matches('img') && qr.src.startsWith('data:image/')))"
                + "   return 'img';"
                + " return qr.querySelector('svg') ? 'svg' : null;");
    }

    /** Types the code into the join field and clicks "join". */
    void joinByCode(String code) {
        browser.element("#join-code").sendKeys(code);
        browser.element("#join-button").click();
    }

    /** What {@code #connection-state} says: {@code none} before there is a peer connection, then its state. */
    String connectionState() {
        return (String) browser.run(STATE + " return state.dataset.state");
    }

    /** Waits until the peer connection is {@code connected} and the data channel is open (chat enabled). */
    void awaitConnected() {
        browser.await(() -> name + "'s peer connection never became connected; " + shown(),
                STATE + " return state !== null && state.dataset.state === 'connected'");
        awaitPhase("connected");
        browser.await(() -> name + "'s chat never became usable; " + shown(),
                "return !document.querySelector('#chat-send').disabled");
    }

    void awaitPhase(String phase) {
        browser.await(() -> name + " never reached phase " + phase + "; " + shown(),
                "return document.body.dataset.phase === arguments[0]", phase);
    }

    /** Types {@code text} into the chat field and clicks "send". */
    void send(String text) {
        browser.element("#chat-input").sendKeys(text);
        browser.element("#chat-send").click();
    }

    /** Waits until a message with exactly {@code text} has arrived in the chat log. */
    void awaitReceived(String text) {
        browser.await(() -> name + " never received \"" + text + "\"; " + shown(),
                "return [...document.querySelectorAll('#chat-log li.received')]"
                        + ".some(li => li.textContent.trim() === arguments[0])", text);
    }

    /** The texts of the chat log's messages of class {@code kind} ({@code sent} or {@code received}), in order. */
    @SuppressWarnings("unchecked")
    List<String> chat(String kind) {
        return (List<String>) browser.run("return [...document.querySelectorAll('#chat-log li.' + arguments[0])]"
                + ".map(li => li.textContent.trim())", kind);
    }

    /** What {@code #error} shows; empty while there is no error. */
    String error() {
        return (String) browser.run("return document.querySelector('#error').textContent.trim()");
    }

    /** The whole page from its top, as PNG: the screen is first made as tall as the page, at the same width. */
    byte[] screenshotOfTheWholePage() {
        browser.run("document.activeElement.blur(); window.scrollTo(0, 0)");
        int width = ((Number) browser.run("return window.innerWidth")).intValue();
        int height = ((Number) browser.run("return Math.ceil(document.documentElement.scrollHeight)")).intValue();
        browser.emulateScreen(width, height, mobile);
        return browser.screenshot();
    }

    /**
     * The errors Chromium logged for the page so far (failed loads, refused WebSocket handshakes, uncaught
     * exceptions, {@code console.error}).
     */
    List<String> consoleErrors() {
        console.addAll(browser.console());
        return console.stream().filter(line -> line.contains("[SEVERE]")).toList();
    }

    /** The page's phase, connection state, error and chat, and Chromium's console: for a failing test's report. */
    String diagnostics() {
        StringBuilder report = new StringBuilder("browser ").append(name).append('\n');
        report.append("  ").append(shown()).append('\n');
        try {
            console.addAll(browser.console());
        } catch (RuntimeException e) {
            report.append("  Chromium's console is unavailable now: ").append(e).append('\n');
        }
        report.append("  Chromium's console (").append(console.size()).append(" lines):\n");
        console.forEach(line -> report.append("    ").append(line).append('\n'));
        return report.toString();
    }

    /** A one-line summary of what the page shows now. */
    @SuppressWarnings("unchecked")
    private String shown() {
        try {
            Map<String, Object> shown = (Map<String, Object>) browser.run(
                    "const text = id => { const e = document.querySelector(id); return e ? e.textContent.trim() : null; };"
                            + STATE
                            + " return {url: location.href, phase: document.body ? document.body.dataset.phase : null,"
                            + " connectionState: state ? state.dataset.state : null, error: text('#error'),"
                            + " errorCode: document.querySelector('#error') ? document.querySelector('#error').dataset.code : null,"
                            + " inviteCode: text('#invite-code'),"
                            + " chat: [...document.querySelectorAll('#chat-log li')].map(li => li.className + ': ' + li.textContent.trim())}");
            return "the page shows " + shown;
        } catch (RuntimeException e) {
            return "the page did not answer: " + e.getMessage().lines().findFirst().orElse("");
        }
    }
}
