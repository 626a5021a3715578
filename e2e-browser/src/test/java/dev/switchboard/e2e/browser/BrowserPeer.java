package dev.switchboard.e2e.browser;

import java.util.List;
import java.util.Map;

/**
 * One page in its own Chromium running one real PeerJS peer through the page's {@code harness.js}; every call
 * goes through WebDriver, and everything the peer saw is read back from the page.
 */
final class BrowserPeer {
    private final String name;
    private final HeadlessChromium browser;

    BrowserPeer(String name, HeadlessChromium browser) {
        this.name = name;
        this.browser = browser;
    }

    String name() {
        return name;
    }

    /** {@code new Peer(id, ...)} against the PeerJS endpoint on 127.0.0.1:{@code port}, with no STUN or TURN. */
    void connect(String id, int port) {
        connect(id, port, "peerjs");
    }

    /** As {@link #connect(String, int)}, under the API key {@code key}. */
    void connect(String id, int port, String key) {
        browser.run("harness.start(arguments[0], {host: '127.0.0.1', port: arguments[1], path: '/', key: arguments[2],"
                + " config: {iceServers: []}, debug: 2})", id, port, key);
    }

    /** {@code new Peer(options)}: the peer asks the server for an id ({@code GET /peerjs/id}, cross-origin). */
    void connectWithoutId(int port) {
        browser.run("harness.start(null, {host: '127.0.0.1', port: arguments[0], path: '/', key: 'peerjs',"
                + " config: {iceServers: []}, debug: 2})", port);
    }

    /** Opens a data connection to {@code remoteId} ({@code peer.connect}). */
    void dial(String remoteId) {
        browser.run("harness.dial(arguments[0])", remoteId);
    }

    /** Sends over the data connection with {@code remoteId}; strings, numbers, lists and maps survive the trip. */
    void send(String remoteId, Object data) {
        browser.run("harness.send(arguments[0], arguments[1])", remoteId, data);
    }

    void closeConnection(String remoteId) {
        browser.run("harness.closeConnection(arguments[0])", remoteId);
    }

    /** Calls {@code remoteId} with a stream captured from a canvas ({@code peer.call}). */
    void call(String remoteId) {
        browser.run("harness.call(arguments[0])", remoteId);
    }

    void destroy() {
        browser.run("harness.destroy()");
    }

    /** Runs {@code script} as a function body in the page and returns what it returns. */
    Object evaluate(String script) {
        return browser.run(script);
    }

    /** Waits until the peer has seen {@code event} (such as {@code open:alice} or {@code connection-open:bob}). */
    void awaitEvent(String event) {
        browser.await(() -> name + " never saw " + event + "; it saw " + events(),
                "return harness.state().events.includes(arguments[0])", event);
    }

    /** Waits until an event starting with {@code prefix} has happened, and returns the first such event. */
    String awaitEventStartingWith(String prefix) {
        return (String) browser.await(() -> name + " never saw an event starting with " + prefix + "; it saw "
                        + events(),
                "return harness.state().events.find(e => e.startsWith(arguments[0])) || null", prefix);
    }

    /** Waits until {@code count} items of data have arrived from {@code remoteId}, and returns them in order. */
    @SuppressWarnings("unchecked")
    List<Object> awaitReceived(String remoteId, int count) {
        return (List<Object>) browser.await(() -> name + " did not receive " + count + " items from " + remoteId
                        + "; it has " + received(remoteId) + " and saw " + events(),
                "const r = harness.state().received[arguments[0]] || [];"
                        + " return r.length >= arguments[1] ? r : null", remoteId, count);
    }

    @SuppressWarnings("unchecked")
    List<String> events() {
        return (List<String>) state().get("events");
    }

    @SuppressWarnings("unchecked")
    List<Object> received(String remoteId) {
        Map<String, Object> received = (Map<String, Object>) state().get("received");
        return (List<Object>) received.getOrDefault(remoteId, List.of());
    }

    /** What the page recorded, and the browser's console: for the report of a failing test. */
    String diagnostics() {
        StringBuilder report = new StringBuilder("browser of peer ").append(name).append('\n');
        try {
            Map<String, Object> state = state();
            report.append("  events: ").append(state.get("events")).append('\n');
            report.append("  received: ").append(state.get("received")).append('\n');
            List<?> log = (List<?>) state.get("log");
            report.append("  console (").append(log.size()).append(" lines):\n");
            log.forEach(line -> report.append("    ").append(line).append('\n'));
        } catch (RuntimeException e) {
            report.append("  the page did not answer: ").append(e).append('\n');
        }
        try {
            List<String> console = browser.console();
            report.append("  Chromium's log (").append(console.size()).append(" lines):\n");
            console.forEach(line -> report.append("    ").append(line).append('\n'));
        } catch (RuntimeException e) {
            report.append("  Chromium's log is unavailable: ").append(e).append('\n');
        }
        return report.toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> state() {
        return (Map<String, Object>) browser.run("return harness.state()");
    }
}
