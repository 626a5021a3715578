package dev.switchboard.domain.identity;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An RFC 8941 bare item of the kinds signatures and digests use: integer, string, token, boolean and
 * byte sequence. Each serializes itself per RFC 8941 §4.1, which is how a signature base quotes them.
 */
sealed interface BareItem {

    /** This item in its canonical RFC 8941 serialization. */
    String serialize();

    /** An integer of at most 15 digits. */
    record IntegerItem(long value) implements BareItem {
        @Override
        public String serialize() {
            return Long.toString(value);
        }
    }

    /** A string of printable ASCII; the parser admits nothing else, so serializing only escapes. */
    record StringItem(String value) implements BareItem {
        public StringItem {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String serialize() {
            StringBuilder out = new StringBuilder(value.length() + 2).append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            return out.append('"').toString();
        }
    }

    /** A token, written bare: {@code hmac-sha256} without quotes is a token, not a string. */
    record TokenItem(String value) implements BareItem {
        public TokenItem {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String serialize() {
            return value;
        }
    }

    record BooleanItem(boolean value) implements BareItem {
        @Override
        public String serialize() {
            return value ? "?1" : "?0";
        }
    }

    /** Bytes carried as {@code :base64:}. */
    record ByteSequenceItem(byte[] value) implements BareItem {
        public ByteSequenceItem {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public String serialize() {
            return ":" + Base64.getEncoder().encodeToString(value) + ":";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ByteSequenceItem that && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "ByteSequenceItem[" + serialize() + "]";
        }
    }
}
