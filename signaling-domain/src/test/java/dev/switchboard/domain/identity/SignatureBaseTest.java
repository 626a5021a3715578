package dev.switchboard.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.SignalingException;
import dev.switchboard.ports.model.SignedRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureBaseTest {

    private static final SignedRequest REQUEST = request("https", "Example.COM:443", "/v1/offers", Optional.of("a=1&b"),
            Map.of("X-Multi", List.of("  one ", "\ttwo")));

    @Nested
    class DerivedComponents {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "@method         | POST",
                "@target-uri     | https://example.com/v1/offers?a=1&b",
                "@authority      | example.com",
                "@scheme         | https",
                "@path           | /v1/offers",
                "@query          | ?a=1&b",
                "@request-target | /v1/offers?a=1&b",
        })
        void computeTheirValueFromTheRequest(String component, String value) {
            assertThat(baseLine(component, REQUEST)).isEqualTo("\"" + component + "\": " + value);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "http  | LocalHost:8080 | localhost:8080",
                "http  | example.com:80 | example.com",
                "https | example.com:80 | example.com:80",
                "https | example.com:   | example.com",
                "http  | [::1]:80       | [::1]",
                "http  | [::1]          | [::1]",
        })
        void normalizeTheAuthority(String scheme, String authority, String normalized) {
            SignedRequest request = request(scheme, authority, "/", Optional.empty(), Map.of());

            assertThat(baseLine("@authority", request)).isEqualTo("\"@authority\": " + normalized);
        }

        @Test
        void giveAQuestionMarkAloneForAnAbsentQuery() {
            SignedRequest request = request("http", "localhost", "/x", Optional.empty(), Map.of());

            assertThat(baseLine("@query", request)).isEqualTo("\"@query\": ?");
            assertThat(baseLine("@target-uri", request)).isEqualTo("\"@target-uri\": http://localhost/x");
        }

        @Test
        void giveASlashForAnEmptyPath() {
            SignedRequest request = request("http", "localhost", "", Optional.empty(), Map.of());

            assertThat(baseLine("@path", request)).isEqualTo("\"@path\": /");
        }
    }

    @Nested
    class HeaderFields {

        @Test
        void areTrimmedAndJoinedWithCommaSpace() {
            assertThat(baseLine("x-multi", REQUEST)).isEqualTo("\"x-multi\": one, two");
        }

        @Test
        void thatTheRequestLacksAreAMissingComponent() {
            assertThatThrownBy(() -> baseLine("x-absent", REQUEST))
                    .isInstanceOfSatisfying(SignalingException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.SIGNATURE_COMPONENT_MISSING));
        }

        @Test
        void mayNotCarryALineBreakThatCouldForgeABaseLine() {
            SignedRequest request = request("http", "localhost", "/", Optional.empty(),
                    Map.of("x-evil", List.of("a\n\"@method\": GET")));

            assertThatThrownBy(() -> baseLine("x-evil", request))
                    .isInstanceOfSatisfying(SignalingException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.SIGNATURE_MALFORMED));
        }
    }

    @Nested
    class TheWholeBase {

        @Test
        void listsTheComponentsInSignedOrderThenTheSignatureParamsWithoutATrailingNewline() throws Exception {
            InnerList params = innerList("(\"@path\" \"@method\");created=1;nonce=\"n\";alg=\"ed25519\";flag");

            String base = SignatureBase.build(CoveredComponents.from(params), params, REQUEST);

            assertThat(base).isEqualTo("\"@path\": /v1/offers\n\"@method\": POST\n"
                    + "\"@signature-params\": (\"@path\" \"@method\");created=1;nonce=\"n\";alg=\"ed25519\";flag");
        }
    }

    @Nested
    class CoveredComponentNames {

        @ParameterizedTest
        @ValueSource(strings = {"sf", "key=\"a\"", "bs", "req", "name=\"a\"", "tr"})
        void refuseEveryComponentParameter(String parameter) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;

            assertMalformed("(\"@method\" \"x-header\";" + parameter + ")", "component parameter ;" + name);
        }

        @Test
        void refuseAComponentCoveredTwice() {
            assertMalformed("(\"@method\" \"@method\")", "covered twice");
        }

        @Test
        void refuseADerivedComponentThatIsNotSupported() {
            assertMalformed("(\"@method\" \"@status\")", "\"@status\" is not supported");
        }

        @Test
        void refuseAnUpperCaseHeaderName() {
            assertMalformed("(\"Content-Type\")", "lower case");
        }

        @Test
        void refuseAComponentThatIsNotAString() {
            assertMalformed("(\"@method\" date)", "must be strings");
        }

        private void assertMalformed(String innerList, String messagePart) {
            assertThatThrownBy(() -> CoveredComponents.from(innerList(innerList)))
                    .isInstanceOfSatisfying(SignalingException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_MALFORMED);
                        assertThat(e.getMessage()).contains(messagePart);
                    });
        }
    }

    private static String baseLine(String component, SignedRequest request) {
        try {
            InnerList params = innerList("(\"" + component + "\")");
            String base = SignatureBase.build(CoveredComponents.from(params), params, request);
            return base.lines().findFirst().orElseThrow();
        } catch (StructuredFieldException e) {
            throw new AssertionError(e);
        }
    }

    private static InnerList innerList(String serialized) throws StructuredFieldException {
        return (InnerList) StructuredFieldParser.parseDictionary("sig=" + serialized).get("sig").orElseThrow();
    }

    private static SignedRequest request(
            String scheme, String authority, String path, Optional<String> query, Map<String, List<String>> headers) {
        return new SignedRequest("POST", scheme, authority, path, query, headers, new byte[0]);
    }
}
