package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FlatJsonReaderTest {
    private static final int DEPTH = 32;

    private final FlatJsonReader reader = new FlatJsonReader(WireJson.strictFactory(4096, DEPTH), "the frame", Map.of(
            "name", FlatJsonReader.Kind.TEXT,
            "count", FlatJsonReader.Kind.WHOLE_NUMBER,
            "payload", FlatJsonReader.Kind.RAW_JSON));

    private static void assertMalformed(Runnable read, String detail) {
        assertThatThrownBy(read::run)
                .isInstanceOfSatisfying(SignalingException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST))
                .hasMessageContaining(detail);
    }

    @Nested
    class RawJson {

        @ParameterizedTest
        @ValueSource(strings = {
                "{ \"a\" : [1, {\"b\": null}], \"c\":\"}\" }",
                "[ ]",
                "\"a \\\"quoted\\\" \\u00e9 string\"",
                "-12.5e+3",
                "0",
                "true",
                "null",
                "\"\""})
        void keepsEveryKindOfValueExactlyAsWritten(String payload) {
            FlatJsonReader.Fields fields = reader.read("{\"name\":\"x\",  \"payload\" :  " + payload + " , \"count\":1}");

            assertThat(fields.rawJson("payload")).contains(payload);
        }

        @Test
        void keepsAValueThatEndsTheObject() {
            assertThat(reader.read("{\"payload\":123}").rawJson("payload")).contains("123");
        }

        @Test
        void refusesAValueThatIsNotWellFormed() {
            assertMalformed(() -> reader.read("{\"payload\":{\"a\":[1,2}}"), "the frame is not valid JSON");
        }

        @Test
        void refusesAValueNestedDeeperThanTheLimit() {
            String deep = "[".repeat(DEPTH + 1) + "]".repeat(DEPTH + 1);

            assertMalformed(() -> reader.read("{\"payload\":" + deep + "}"), "exceeds a JSON limit");
        }
    }

    @Test
    void readsTextAndWholeNumbers() {
        FlatJsonReader.Fields fields = reader.read("{\"name\":\"caf\\u00e9\",\"count\":9007199254740993}");

        assertThat(fields.text("name")).contains("café");
        assertThat(fields.wholeNumber("count")).hasValue(9007199254740993L);
        assertThat(fields.rawJson("payload")).isEmpty();
    }

    @Test
    void treatsNullTextAsAbsent() {
        assertThat(reader.read("{\"name\":null}").text("name")).isEmpty();
    }

    @Test
    void refusesAnUnknownField() {
        assertMalformed(() -> reader.read("{\"name\":\"x\",\"nme\":\"y\"}"), "unknown field 'nme'");
    }

    @Test
    void refusesARepeatedField() {
        assertMalformed(() -> reader.read("{\"name\":\"x\",\"name\":\"y\"}"), "Duplicate field 'name'");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        assertMalformed(() -> reader.read("{\"name\":1}"), "name: expected a string");
        assertMalformed(() -> reader.read("{\"count\":1.5}"), "count: expected a whole number");
        assertMalformed(() -> reader.read("{\"count\":\"1\"}"), "count: expected a whole number");
    }

    @Test
    void refusesANumberBeyondALong() {
        assertMalformed(() -> reader.read("{\"count\":9223372036854775808}"), "count: number out of range");
    }

    @Test
    void refusesAnythingButOneObject() {
        assertMalformed(() -> reader.read("[1]"), "the frame must be a JSON object");
        assertMalformed(() -> reader.read("{} {}"), "the frame must hold a single JSON object");
        assertMalformed(() -> reader.read(""), "the frame must be a JSON object");
    }
}
