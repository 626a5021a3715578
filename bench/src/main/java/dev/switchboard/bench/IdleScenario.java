package dev.switchboard.bench;

import java.time.Duration;
import java.util.List;

/**
 * Opens many authenticated WebSockets that send nothing, and measures what holding them costs the server.
 * Every socket has its own identity (a credential, and a nonce and a ticket for its signed ticket request),
 * which the server keeps whether or not a socket is open. So a control group of identities that never
 * connect is issued first, and its live-heap cost per identity (after a full GC) is subtracted from the
 * cost per connected identity: what remains is what an open, idle connection holds.
 */
final class IdleScenario {
    private static final long SETTLE_MILLIS = 3_000;
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(60);

    private final Fleet fleet;
    private final ProcessMeter server;
    private final int connections;
    private final int controls;
    private final Stats stats = new Stats();

    IdleScenario(Fleet fleet, ProcessMeter server, int connections) {
        this.fleet = fleet;
        this.server = server;
        this.connections = connections;
        this.controls = Math.min(connections, 2_000);
    }

    void run() throws InterruptedException {
        fleet.issueIdentities(100); // loads the classes of the set-up path, so that they are not counted
        long baseHeap = server.liveHeapKib();
        long baseRss = server.rssKib();
        fleet.issueIdentities(controls);
        long controlHeap = server.liveHeapKib();
        double perIdentity = (controlHeap - baseHeap) / (double) controls;

        long started = System.nanoTime();
        List<BenchSocket> sockets = fleet.openIdle(connections, () -> new BenchSocket((s, t) -> { }, stats, 1));
        double openSeconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(SETTLE_MILLIS);
        int serverFiles = server.openFiles();
        long openHeap = server.liveHeapKib();
        long openRss = server.rssKib();
        double perConnectedIdentity = (openHeap - controlHeap) / (double) connections;
        WebSocketConnection.closeAll(sockets, CLOSE_PATIENCE);
        Thread.sleep(SETTLE_MILLIS);

        System.out.println("== idle: " + connections + " authenticated WebSockets, one identity each");
        Report.line("opened in", "%.1f s (%.0f/s, with credential and ticket)", openSeconds, connections / openSeconds);
        Report.line("server open files while held", "%d", serverFiles);
        Report.line("server open files 3 s after closing", "%d", server.openFiles());
        Report.line("server live heap: base / +controls / +open", "%d / %d / %d MiB",
                baseHeap / 1024, controlHeap / 1024, openHeap / 1024);
        Report.line("heap per identity (no socket)", "%.2f KiB", perIdentity);
        Report.line("heap per connected identity", "%.2f KiB", perConnectedIdentity);
        Report.line("heap per idle connection", "%.2f KiB", perConnectedIdentity - perIdentity);
        Report.line("server RSS: base / open", "%d / %d MiB", baseRss / 1024, openRss / 1024);
        Report.line("RSS per connection", "%.2f KiB", (openRss - baseRss) / (double) connections);
        Report.line("client failures / server closes", "%d / %d", stats.failures(), stats.closes());
    }
}
