package dev.switchboard.bench;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One PeerJS peer of the load generator: its socket, its peer, and its read and write buffers, written as
 * WebSocket frames directly (no client library) so that the generator costs a few hundred nanoseconds per
 * message and stays far from being the bottleneck. Used only by the {@link PeerJsDriver} thread.
 */
final class PeerJsConnection {
    /** The rest of a ~200-byte ICE candidate payload after the send time {@code t}. */
    private static final byte[] PAYLOAD_REST = (",\"candidate\":\"candidate:842163049 1 udp 1677729535 192.0.2.10"
            + " 54321 typ srflx raddr 10.0.0.5 rport 54321 generation 0 ufrag Zp4q network-cost 999\","
            + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"Zp4q\"}}").getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER_BYTES = 16 * 1024;

    final SocketChannel channel;
    final String id;
    PeerJsConnection peer;
    SelectionKey key;
    ByteBuffer in = ByteBuffer.allocate(BUFFER_BYTES);
    /** Always in write mode: bytes from 0 to position wait to be sent. */
    ByteBuffer out = ByteBuffer.allocate(BUFFER_BYTES);
    boolean upgraded;
    boolean open;
    boolean dirty;
    private byte[] candidatePrefix;
    private byte[] offerPrefix;
    private long sent;
    private final byte[] digits = new byte[20];

    PeerJsConnection(SocketChannel channel, String id) {
        this.channel = channel;
        this.id = id;
    }

    void pairWith(PeerJsConnection other) {
        peer = other;
        candidatePrefix = prefix("CANDIDATE", other.id);
        offerPrefix = prefix("OFFER", other.id);
    }

    private static byte[] prefix(String type, String dst) {
        return ("{\"type\":\"" + type + "\",\"dst\":\"" + dst + "\",\"payload\":{\"t\":")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Queues the upgrade request: the PeerJS WebSocket URL with key, id, token and client version. */
    void queueHandshake(String hostPort, String path, String token) {
        String request = "GET " + path + "peerjs?key=peerjs&id=" + id + "&token=" + token + "&version=1.5.5 HTTP/1.1\r\n"
                + "Host: " + hostPort + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        out.put(request.getBytes(StandardCharsets.US_ASCII));
    }

    /** Queues one CANDIDATE or OFFER (alternately) to the peer, carrying {@code sendNanos} in its payload. */
    void queueRelay(long sendNanos) {
        byte[] prefix = (sent++ & 1) == 0 ? candidatePrefix : offerPrefix;
        int digitCount = 0;
        long value = sendNanos;
        do {
            digits[digits.length - 1 - digitCount++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        int length = prefix.length + digitCount + PAYLOAD_REST.length;
        frameHeader(0x81, length);
        out.put(prefix).put(digits, digits.length - digitCount, digitCount).put(PAYLOAD_REST);
    }

    /** Queues a pong answering a server ping. */
    void queuePong(byte[] data, int offset, int length) {
        frameHeader(0x8A, length);
        out.put(data, offset, length);
    }

    /** A client frame header with a zero masking key (legal; the server still unmasks every byte). */
    private void frameHeader(int firstByte, int length) {
        ensureRoom(length + 14);
        out.put((byte) firstByte);
        if (length < 126) {
            out.put((byte) (0x80 | length));
        } else {
            out.put((byte) (0x80 | 126)).putShort((short) length);
        }
        out.putInt(0);
    }

    private void ensureRoom(int bytes) {
        if (out.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
    }

    /** Makes room in the read buffer for a frame larger than it. */
    void growInput() {
        ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
        in.flip();
        bigger.put(in);
        in = bigger;
    }
}
