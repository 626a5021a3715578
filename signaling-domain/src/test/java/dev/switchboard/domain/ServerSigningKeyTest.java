package dev.switchboard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ServerSigningKeyTest {
    private static final String HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final byte[] MESSAGE = "session and expiry".getBytes(StandardCharsets.UTF_8);

    private final ServerSigningKey key = ServerSigningKey.parseHex(HEX);

    @Nested
    class Signing {
        @Test
        void isHmacSha256OverThePurposeAZeroByteAndTheMessage() throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(HEX), "HmacSHA256"));
            mac.update("switchboard invite v1\0".getBytes(StandardCharsets.UTF_8));

            assertThat(key.sign("switchboard invite v1", MESSAGE)).isEqualTo(mac.doFinal(MESSAGE));
        }

        @Test
        void bindsTheTagToItsPurpose() {
            byte[] tag = key.sign("switchboard invite v1", MESSAGE);

            assertThat(key.verifies("switchboard invite v1", MESSAGE, tag)).isTrue();
            assertThat(key.verifies("switchboard ticket v1", MESSAGE, tag)).isFalse();
        }

        @Test
        void acceptsATagTruncatedToSixteenBytesButNoShorter() {
            byte[] tag = key.sign("p", MESSAGE);

            assertThat(key.verifies("p", MESSAGE, Arrays.copyOf(tag, 16))).isTrue();
            assertThat(key.verifies("p", MESSAGE, Arrays.copyOf(tag, 15))).isFalse();
            assertThat(key.verifies("p", MESSAGE, new byte[0])).isFalse();
        }

        @Test
        void refusesAnotherKeysTag() {
            byte[] other = new byte[32];
            Arrays.fill(other, (byte) 1);

            assertThat(key.verifies("p", MESSAGE, ServerSigningKey.of(other).sign("p", MESSAGE))).isFalse();
        }

        @Test
        void refusesALabelThatCouldBlurIntoTheMessage() {
            assertThatThrownBy(() -> key.sign("a\0b", MESSAGE)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> key.sign(" ", MESSAGE)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Parsing {
        @Test
        void refusesTheWrongLengthWithoutEchoingTheKey() {
            assertThatThrownBy(() -> ServerSigningKey.parseHex("abcd"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("abcd");
        }

        @Test
        void refusesNonHexCharacters() {
            assertThatThrownBy(() -> ServerSigningKey.parseHex("zz" + HEX.substring(2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hexadecimal");
        }

        @Test
        void refusesAnAllZeroPlaceholder() {
            assertThatThrownBy(() -> ServerSigningKey.parseHex("0".repeat(64)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zeros");
        }

        @Test
        void neverShowsTheKey() {
            assertThat(key).hasToString("ServerSigningKey[redacted]");
        }
    }
}
