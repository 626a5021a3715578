package dev.switchboard.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEvent;
import dev.switchboard.ports.model.AuditEventType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainHashTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.678Z");
    private final ChainHash chain = new ChainHash();

    private static AuditEvent event(String actor, Optional<String> subject, Map<String, String> attributes) {
        return new AuditEvent(AuditEventType.TRANSFER_CLAIMED, AT, actor, subject, Optional.of("203.0.113.7"),
                attributes);
    }

    @Test
    void isWhatTheDocumentedEncodingGives() throws Exception {
        // An independent re-implementation of the Javadoc, as an external verifier would write it.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).putLong(7).array());
        writeString(out, "transfer.claimed");
        out.writeBytes(ByteBuffer.allocate(8).putLong(AT.toEpochMilli()).array());
        writeString(out, "bob-key");
        out.write(1);
        writeString(out, "T1");
        out.write(1);
        writeString(out, "203.0.113.7");
        out.writeBytes(ByteBuffer.allocate(4).putInt(2).array());
        writeString(out, "a");
        writeString(out, "1");
        writeString(out, "b");
        writeString(out, "2");
        writeString(out, AuditLog.GENESIS);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));

        Map<String, String> unordered = new LinkedHashMap<>();
        unordered.put("b", "2");
        unordered.put("a", "1");
        assertThat(chain.hash(7, event("bob-key", Optional.of("T1"), unordered), AuditLog.GENESIS))
                .isEqualTo(expected).matches("[0-9a-f]{64}");
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    @Test
    void tellsFieldBoundariesApart() {
        String joinedLeft = chain.hash(1, event("ab", Optional.of("c"), Map.of()), AuditLog.GENESIS);
        String joinedRight = chain.hash(1, event("a", Optional.of("bc"), Map.of()), AuditLog.GENESIS);
        String attributeLeft = chain.hash(1, event("a", Optional.empty(), Map.of("k", "vx")), AuditLog.GENESIS);
        String attributeRight = chain.hash(1, event("a", Optional.empty(), Map.of("kv", "x")), AuditLog.GENESIS);

        assertThat(joinedLeft).isNotEqualTo(joinedRight);
        assertThat(attributeLeft).isNotEqualTo(attributeRight);
    }

    @Test
    void tellsAnAbsentSubjectFromAnEmptyOne() {
        assertThat(chain.hash(1, event("a", Optional.empty(), Map.of()), AuditLog.GENESIS))
                .isNotEqualTo(chain.hash(1, event("a", Optional.of(""), Map.of()), AuditLog.GENESIS));
    }

    @Test
    void coversTheSequenceAndThePreviousHash() {
        AuditEvent event = event("a", Optional.empty(), Map.of());
        String base = chain.hash(1, event, AuditLog.GENESIS);

        assertThat(chain.hash(2, event, AuditLog.GENESIS)).isNotEqualTo(base);
        assertThat(chain.hash(1, event, "1".repeat(64))).isNotEqualTo(base);
    }

    @Test
    void holdsOnlyForAnEntryWhoseHashMatchesItsContents() {
        AuditEvent event = event("a", Optional.empty(), Map.of("code", "x"));
        AuditEntry genuine = new AuditEntry(1, event, AuditLog.GENESIS, chain.hash(1, event, AuditLog.GENESIS));
        AuditEntry altered = new AuditEntry(1, event("mallory", Optional.empty(), Map.of("code", "x")),
                AuditLog.GENESIS, genuine.hash());

        assertThat(chain.holds(genuine)).isTrue();
        assertThat(chain.holds(altered)).isFalse();
    }
}
