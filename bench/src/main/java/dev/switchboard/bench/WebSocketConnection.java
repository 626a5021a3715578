package dev.switchboard.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client WebSocket of a load generator, with no client library between it and its socket: the upgrade
 * request and its 101, the server's frames handled in place in the read buffer as soon as each is whole, and
 * outgoing frames written straight into the write buffer with a zero masking key (legal: the server still
 * unmasks every byte). Pings are answered with pongs. Everything here runs on its {@link WebSocketDriver}'s
 * thread; subclasses say what their messages are and what they do with the server's.
 */
abstract class WebSocketConnection {
    private static final int IN_BYTES = 16 * 1024;
    private static final int OUT_BYTES = 4 * 1024;
    private static final byte[] HEADERS_END = "\r\n\r\n".getBytes(US_ASCII);
    /** Any 16 bytes in base64 will do: the key only lets a client check the server's accept hash (a 101 is enough). */
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final byte[] NORMAL_CLOSURE = {0x03, (byte) 0xE8}; // 1000, with no reason
    private static final int FIN = 0x80;
    private static final int MASKED = 0x80;
    private static final int TEXT = 0x1;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private WebSocketDriver driver;
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer in = ByteBuffer.allocate(IN_BYTES);
    /** Always in write mode: the bytes from 0 to its position wait to be sent. */
    private ByteBuffer out = ByteBuffer.allocate(OUT_BYTES);
    private boolean upgraded;
    private boolean closeSent;
    /** Whether the driver has this socket on its list to flush at the end of the loop pass. */
    boolean dirty;

    /** One whole text frame from the server. */
    abstract void text(TextFrame frame);

    /** The socket failed (could not connect, upgrade refused, a read or write failed) and is now closed. */
    abstract void failed(String what);

    /** The server closed the socket on its own: with a close frame and its status, or with none (-1). */
    abstract void closedByServer(int status, String reason);

    /** Every whole frame one read brought has been handled (driver thread). */
    void readPassDone() {}

    /** Completes once the server has switched protocols (101); fails if the socket closed before. */
    final CompletableFuture<Void> opened() {
        return opened;
    }

    /**
     * Sends a close frame (1000) from any thread, once the socket is open; completes once the socket is closed,
     * normally when the server's close frame answers ours. Nothing more is sent on it after the close frame.
     */
    final CompletableFuture<Void> close() {
        if (!onDriverThread()) {
            handOver(this::close);
        } else if (!closeSent && channel != null && channel.isOpen()) {
            queueFrame(CLOSE, NORMAL_CLOSURE, 0, NORMAL_CLOSURE.length);
            closeSent = true;
        }
        return closed;
    }

    /**
     * Closes {@code connections} (from any thread but their driver's) and waits until each is closed, at most
     * {@code patience}: a server that never answers a close must not hold the generator up.
     */
    static void closeAll(Collection<? extends WebSocketConnection> connections, Duration patience) {
        CompletableFuture.allOf(connections.stream().map(WebSocketConnection::close).toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, patience.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Whether the caller runs on this socket's driver thread, the only one that may use the socket directly. */
    final boolean onDriverThread() {
        return driver.inLoop();
    }

    /** Runs {@code task} on the driver thread, after what is already queued there. */
    final void handOver(Runnable task) {
        driver.execute(task);
    }

    /** The driver's message buffer, cleared: put the next frame's text into it, then {@link #sendText} it. */
    final TextMessage message() {
        return driver.message().clear();
    }

    /** Queues {@code message} as one text frame, unless this side has sent its close. */
    final void sendText(TextMessage message) {
        if (!closeSent) {
            queueFrame(TEXT, message.bytes(), 0, message.length());
        }
    }

    /**
     * Starts connecting to {@code uri} (driver thread). The upgrade request waits in the write buffer until the
     * connection is established; the 101 completes {@link #opened()}.
     */
    final void start(WebSocketDriver owner, URI uri) {
        driver = owner;
        queueHandshake(uri);
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
            key = channel.register(owner.selector(), connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
            if (connected) {
                owner.markDirty(this);
            }
        } catch (IOException e) {
            fail("connect to " + uri.getAuthority() + ": " + e);
        }
    }

    /** Does what the selector found this socket ready for (driver thread). */
    final void ready() {
        if (key.isConnectable()) {
            connected();
            return;
        }
        if (key.isReadable()) {
            read();
        }
        if (key.isValid() && key.isWritable()) {
            driver.markDirty(this);
        }
    }

    /** Writes what is queued, once per loop pass (driver thread); what the socket does not take waits for OP_WRITE. */
    final void flush() {
        if (!channel.isOpen() || !channel.isConnected()) {
            return;
        }
        out.flip();
        try {
            channel.write(out);
        } catch (IOException e) {
            out.compact();
            fail("write: " + e);
            return;
        }
        out.compact();
        key.interestOps(out.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void queueHandshake(URI uri) {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        out.put(("GET " + target + " HTTP/1.1\r\nHost: " + uri.getAuthority()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + KEY
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(US_ASCII));
    }

    private void connected() {
        try {
            channel.finishConnect();
        } catch (IOException e) {
            fail("connect: " + e);
            return;
        }
        key.interestOps(SelectionKey.OP_READ);
        driver.markDirty(this);
    }

    private void read() {
        int count;
        try {
            count = channel.read(in);
        } catch (IOException e) {
            fail("read: " + e);
            return;
        }
        if (count < 0) {
            if (!closeSent) {
                closedByServer(-1, "the connection ended without a close frame");
            }
            shut("the connection ended");
            return;
        }
        in.flip();
        if (upgraded || readUpgrade()) {
            readFrames();
            if (channel.isOpen()) {
                readPassDone();
            }
        }
        if (channel.isOpen()) {
            in.compact();
            if (!in.hasRemaining()) {
                growInput();
            }
        }
    }

    /** Reads the answer to the upgrade once its head is whole: true if it is a 101, and the frames follow. */
    private boolean readUpgrade() {
        byte[] bytes = in.array();
        int end = new TextFrame(bytes, in.position(), in.limit()).indexOf(HEADERS_END);
        if (end < 0) {
            return false;
        }
        String head = new String(bytes, in.position(), end - in.position(), US_ASCII);
        if (!head.startsWith("HTTP/1.1 101")) {
            fail("upgrade refused: " + head.lines().findFirst().orElse(""));
            return false;
        }
        upgraded = true;
        in.position(end + HEADERS_END.length);
        opened.complete(null);
        return true;
    }

    /** Handles every whole frame in the read buffer; a partial one stays for the next read. */
    private void readFrames() {
        byte[] bytes = in.array();
        while (in.remaining() >= 2 && channel.isOpen()) {
            int start = in.position();
            long length = bytes[start + 1] & 0x7F;
            int header = 2;
            if (length == 126) {
                if (in.remaining() < 4) {
                    return;
                }
                length = ((bytes[start + 2] & 0xFF) << 8) | (bytes[start + 3] & 0xFF);
                header = 4;
            } else if (length == 127) {
                if (in.remaining() < 10) {
                    return;
                }
                length = in.getLong(start + 2);
                header = 10;
            }
            if (length > Integer.MAX_VALUE - header) {
                fail("a frame of " + length + " bytes");
                return;
            }
            if (in.remaining() < header + length) {
                return;
            }
            in.position(start + header + (int) length);
            frame(bytes[start] & 0xFF, bytes, start + header, (int) length);
        }
    }

    private void frame(int first, byte[] bytes, int offset, int length) {
        int opcode = first & 0x0F;
        if ((first & FIN) == 0 || opcode == 0) {
            fail("a fragmented message: this client reads whole frames only");
            return;
        }
        switch (opcode) {
            case TEXT -> text(new TextFrame(bytes, offset, offset + length));
            case CLOSE -> closeFrame(bytes, offset, length);
            case PING -> {
                if (!closeSent) {
                    queueFrame(PONG, bytes, offset, length);
                }
            }
            default -> { } // pongs and binary frames: nothing a generator reads
        }
    }

    /**
     * The server's close frame: the answer to ours, or its own, which is reported. Either way the socket is closed
     * at once; answering the server's own close first would only race its closing of the connection.
     */
    private void closeFrame(byte[] bytes, int offset, int length) {
        if (!closeSent) {
            int status = length >= 2 ? ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF) : 1005;
            closedByServer(status, new String(bytes, offset + Math.min(2, length), Math.max(0, length - 2), UTF_8));
        }
        shut("closed by the server");
    }

    /** Queues one frame, masked with a zero key, and marks the socket for the end of the loop pass. */
    private void queueFrame(int opcode, byte[] payload, int offset, int length) {
        ensureRoom(14 + length);
        out.put((byte) (FIN | opcode));
        if (length < 126) {
            out.put((byte) (MASKED | length));
        } else if (length <= 0xFFFF) {
            out.put((byte) (MASKED | 126)).putShort((short) length);
        } else {
            out.put((byte) (MASKED | 127)).putLong(length);
        }
        out.putInt(0);
        out.put(payload, offset, length);
        driver.markDirty(this);
    }

    private void fail(String what) {
        failed(what);
        shut(what);
    }

    private void shut(String why) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway: nothing more will be read or written on it
            }
        }
        opened.completeExceptionally(new IOException(why));
        closed.complete(null);
    }

    private void ensureRoom(int bytes) {
        if (out.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
            out.flip();
            out = bigger.put(out);
        }
    }

    /** Makes room in the read buffer for a frame larger than it. */
    private void growInput() {
        ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
        in.flip();
        in = bigger.put(in);
    }
}
