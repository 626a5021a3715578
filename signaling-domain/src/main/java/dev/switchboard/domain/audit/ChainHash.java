package dev.switchboard.domain.audit;

import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The link of the audit log's hash chain: lower-case hex of SHA-256 over a canonical, unambiguous encoding
 * of the entry. An external verifier re-implements it as follows. Integers are big-endian two's complement;
 * a <em>string</em> is its UTF-8 bytes preceded by their count as a 4-byte unsigned integer; an
 * <em>optional string</em> is one byte {@code 0x00} when absent, or {@code 0x01} followed by the string. The
 * encoding is, in this order:
 * <ol>
 *   <li>the sequence, 8 bytes;</li>
 *   <li>the event type's wire name (e.g. {@code transfer.claimed}), a string;</li>
 *   <li>{@code occurredAt} as milliseconds since the epoch, 8 bytes;</li>
 *   <li>the actor, a string;</li>
 *   <li>the subject, an optional string;</li>
 *   <li>the client address, an optional string;</li>
 *   <li>the number of attributes, 4 bytes, then each attribute as its name (a string) and value (a string),
 *       in ascending order of the names' UTF-8 bytes compared as unsigned bytes;</li>
 *   <li>{@code previousHash} (64 lower-case hex characters; {@link AuditLog#GENESIS}, 64 zeros, for
 *       sequence 1), a string.</li>
 * </ol>
 * Every field is covered, and the lengths make every boundary explicit, so no two different entries share
 * an encoding; changing, removing or reordering an entry breaks every link after it.
 */
public final class ChainHash implements AuditLog.ChainLink {

    @Override
    public String hash(long sequence, AuditEvent event, String previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(sequence).array());
        writeString(out, event.type().wireName());
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(event.occurredAt().toEpochMilli()).array());
        writeString(out, event.actor());
        writeOptional(out, event.subject());
        writeOptional(out, event.clientAddress());
        List<byte[][]> attributes = new ArrayList<>();
        for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
            attributes.add(new byte[][] {utf8(attribute.getKey()), utf8(attribute.getValue())});
        }
        attributes.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(attributes.size()).array());
        for (byte[][] attribute : attributes) {
            writeBytes(out, attribute[0]);
            writeBytes(out, attribute[1]);
        }
        writeString(out, previousHash);
        return HexFormat.of().formatHex(sha256(out.toByteArray()));
    }

    /** Whether {@code entry}'s hash is the link of its own sequence, event and previous hash. */
    public boolean holds(AuditEntry entry) {
        byte[] expected = hash(entry.sequence(), entry.event(), entry.previousHash())
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, entry.hash().getBytes(StandardCharsets.US_ASCII));
    }

    private static void writeOptional(ByteArrayOutputStream out, Optional<String> value) {
        if (value.isEmpty()) {
            out.write(0);
        } else {
            out.write(1);
            writeString(out, value.get());
        }
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        writeBytes(out, utf8(value));
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
