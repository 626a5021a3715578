package dev.switchboard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PeerJS load generator's single event-loop thread: one selector over every peer's socket, reading
 * server frames, answering each relayed message with the next one (closed loop) or pacing messages at a
 * fixed rate (open loop), and flushing what each socket has queued. One thread and no locks keep the
 * generator's cost per message small and measurable; everything is handed to it through {@link #execute}.
 */
final class PeerJsDriver implements Runnable {
    private static final byte[] SEND_TIME = "\"t\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPEN = "\"OPEN\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final InetSocketAddress server;
    private final String path;
    private final Stats stats;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<PeerJsConnection> dirty = new ArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile boolean running = true;
    private boolean replying;
    private List<PeerJsConnection> paced = List.of();
    /** Wakes the selector at each intended send time: its own timeout has a resolution of a millisecond only. */
    private Pacer alarm;
    private double nanosPerMessage;
    private long paceStart;
    private long paceIndex;

    PeerJsDriver(InetSocketAddress server, String path, Stats stats) {
        this.server = server;
        this.path = path;
        this.stats = stats;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects a socket (blocking, on the caller's thread) and hands its upgrade request to the loop. */
    void connect(PeerJsConnection connection, String token) {
        try {
            connection.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection.channel.connect(server);
            connection.channel.configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException("connect " + connection.id, e);
        }
        String hostPort = server.getHostString() + ":" + server.getPort();
        execute(() -> {
            connection.queueHandshake(hostPort, path, token);
            try {
                connection.key = connection.channel.register(selector, SelectionKey.OP_READ, connection);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            markDirty(connection);
        });
    }

    static PeerJsConnection newConnection(String id) {
        try {
            return new PeerJsConnection(SocketChannel.open(), id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sockets that have received the server's {@code OPEN}. */
    int opened() {
        return opened.get();
    }

    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Closed loop: from now on each relayed message that arrives is answered with one back to its sender. */
    void startClosedLoop(List<PeerJsConnection> connections, int window) {
        execute(() -> {
            replying = true;
            long now = System.nanoTime();
            for (PeerJsConnection connection : connections) {
                for (int i = 0; i < window; i++) {
                    connection.queueRelay(now);
                }
                markDirty(connection);
            }
        });
    }

    /**
     * Open loop: message {@code i} leaves at {@code start + i / rate}, round-robin, stamped with that time. A
     * {@link Pacer} thread wakes the selector at each of those times, so a message leaves within tens of
     * microseconds of its time rather than within the millisecond of a select timeout (which would add up to a
     * millisecond of the generator's own to every latency, whatever the server).
     */
    void startOpenLoop(List<PeerJsConnection> connections, int rate) {
        execute(() -> {
            paced = connections;
            nanosPerMessage = 1e9 / rate;
            paceStart = System.nanoTime();
        });
        alarm = Pacer.start(rate, (index, intended) -> selector.wakeup());
    }

    void stop() {
        running = false;
        if (alarm != null) {
            try {
                alarm.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(paced.isEmpty() ? 100 : 1);
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    PeerJsConnection connection = (PeerJsConnection) key.attachment();
                    if (key.isValid() && key.isReadable()) {
                        read(connection);
                    }
                    if (key.isValid() && key.isWritable()) {
                        markDirty(connection);
                    }
                }
                selector.selectedKeys().clear();
                pace();
                flushDirty();
            }
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pace() {
        if (paced.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long intended = paceStart + (long) (paceIndex * nanosPerMessage);
        while (intended <= now) {
            PeerJsConnection connection = paced.get((int) (paceIndex % paced.size()));
            connection.queueRelay(intended);
            markDirty(connection);
            paceIndex++;
            intended = paceStart + (long) (paceIndex * nanosPerMessage);
        }
    }

    private void markDirty(PeerJsConnection connection) {
        if (!connection.dirty) {
            connection.dirty = true;
            dirty.add(connection);
        }
    }

    private void flushDirty() {
        for (PeerJsConnection connection : dirty) {
            connection.dirty = false;
            if (!connection.key.isValid()) {
                continue;
            }
            ByteBuffer out = connection.out;
            out.flip();
            try {
                connection.channel.write(out);
            } catch (IOException e) {
                stats.failed(connection.id + ": " + e);
                connection.key.cancel();
            }
            out.compact();
            connection.key.interestOps(out.position() > 0
                    ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }
        dirty.clear();
    }

    private void read(PeerJsConnection connection) {
        ByteBuffer in = connection.in;
        int count;
        try {
            count = connection.channel.read(in);
        } catch (IOException e) {
            count = -1;
        }
        if (count < 0) {
            if (running) {
                stats.closed(-1, connection.id + ": connection closed by the server");
            }
            connection.key.cancel();
            return;
        }
        in.flip();
        byte[] bytes = in.array();
        if (!connection.upgraded) {
            int end = indexOf(bytes, in.position(), in.limit(), HEADERS_END);
            if (end < 0) {
                in.position(in.limit()).limit(in.capacity());
                return;
            }
            String head = new String(bytes, 0, end, StandardCharsets.US_ASCII);
            if (!head.startsWith("HTTP/1.1 101")) {
                stats.failed(connection.id + ": " + head.lines().findFirst().orElse(""));
                connection.key.cancel();
                return;
            }
            connection.upgraded = true;
            in.position(end + HEADERS_END.length);
        }
        while (in.remaining() >= 2) {
            int start = in.position();
            int opcode = bytes[start] & 0x0F;
            long length = bytes[start + 1] & 0x7F;
            int header = 2;
            if (length == 126) {
                if (in.remaining() < 4) {
                    break;
                }
                length = ((bytes[start + 2] & 0xFF) << 8) | (bytes[start + 3] & 0xFF);
                header = 4;
            } else if (length == 127) {
                if (in.remaining() < 10) {
                    break;
                }
                length = in.getLong(start + 2);
                header = 10;
            }
            if (in.remaining() < header + length) {
                break;
            }
            frame(connection, opcode, bytes, start + header, (int) length);
            in.position(start + header + (int) length);
        }
        in.compact();
        if (!in.hasRemaining()) {
            connection.growInput();
        }
    }

    private void frame(PeerJsConnection connection, int opcode, byte[] bytes, int offset, int length) {
        switch (opcode) {
            case 1 -> text(connection, bytes, offset, length);
            case 8 -> stats.closed(length >= 2 ? ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF) : 1005,
                    connection.id + ": " + new String(bytes, offset + Math.min(2, length),
                            Math.max(0, length - 2), StandardCharsets.UTF_8));
            case 9 -> {
                connection.queuePong(bytes, offset, length);
                markDirty(connection);
            }
            default -> { } // pongs; servers here send no fragmented or binary frames
        }
    }

    private void text(PeerJsConnection connection, byte[] bytes, int offset, int length) {
        int end = offset + length;
        int timeAt = indexOf(bytes, offset, end, SEND_TIME);
        if (timeAt >= 0) {
            long sendNanos = 0;
            for (int i = timeAt + SEND_TIME.length; i < end && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
                sendNanos = sendNanos * 10 + (bytes[i] - '0');
            }
            stats.relayed(System.nanoTime() - sendNanos);
            if (replying && running) {
                connection.queueRelay(System.nanoTime());
                markDirty(connection);
            }
        } else if (!connection.open && indexOf(bytes, offset, end, OPEN) >= 0) {
            connection.open = true;
            opened.incrementAndGet();
        } else {
            stats.failed(connection.id + ": " + new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
    }

    private static int indexOf(byte[] bytes, int from, int to, byte[] pattern) {
        outer:
        for (int i = from; i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
