package dev.switchboard.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ErrorStatusTest {
    private static final Path HTTP_API = Path.of("..", "docs", "http-api.md");

    /** The "code | status" table under "## Errors" in docs/http-api.md, one row per status. */
    private static Map<ErrorCode, Integer> documentedStatuses() throws IOException {
        String errors = Files.readString(HTTP_API).split("## Errors", 2)[1];
        Map<ErrorCode, Integer> statuses = new EnumMap<>(ErrorCode.class);
        Matcher row = Pattern.compile("(?m)^\\|(.+)\\|\\s*(\\d{3})\\s*\\|$").matcher(errors);
        while (row.find()) {
            Matcher code = Pattern.compile("`([a-z_]+)`").matcher(row.group(1));
            while (code.find()) {
                Integer previous = statuses.put(ErrorCode.valueOf(code.group(1).toUpperCase(Locale.ROOT)),
                        Integer.parseInt(row.group(2)));
                assertThat(previous).as("%s is documented twice", code.group(1)).isNull();
            }
        }
        return statuses;
    }

    @Test
    void mapsEveryErrorCodeToTheStatusTheApiDocumentPromises() throws IOException {
        Map<ErrorCode, Integer> documented = documentedStatuses();

        assertThat(documented.keySet()).as("codes in the document's error table")
                .containsExactlyInAnyOrder(ErrorCode.values());
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ErrorStatus.of(code)).as(code.wireName()).isEqualTo(documented.get(code));
        }
    }

    @Test
    void asksForASignatureExactlyOnTheUnauthorizedCodes() {
        assertThat(Arrays.stream(ErrorCode.values()).filter(ErrorStatus::asksForSignature))
                .contains(ErrorCode.AUTHENTICATION_FAILED, ErrorCode.NONCE_REPLAYED, ErrorCode.SIGNATURE_MISSING)
                .doesNotContain(ErrorCode.DIGEST_MISMATCH, ErrorCode.NOT_OFFER_OWNER, ErrorCode.TICKET_INVALID,
                        ErrorCode.PEER_KEY_INVALID, ErrorCode.PEER_DISCOVERY_DISABLED)
                .allSatisfy(code -> assertThat(ErrorStatus.of(code)).isEqualTo(401));
    }

    @Test
    void challengesForTheAdminCredentialOnlyWhenItIsRequired() {
        assertThat(Arrays.stream(ErrorCode.values()).filter(code -> ErrorStatus.challenge(code).isPresent()))
                .containsExactly(ErrorCode.ADMIN_REQUIRED);
        assertThat(ErrorStatus.challenge(ErrorCode.ADMIN_REQUIRED)).hasValue("Bearer realm=\"switchboard-admin\"");
        assertThat(ErrorStatus.asksForSignature(ErrorCode.ADMIN_REQUIRED)).isFalse();
    }

    @Test
    void answersAMissingCapabilityTokenWith401AndAWrongOneWith403() {
        assertThat(new Reply.Problem(ErrorCode.CAPABILITY_INVALID, "none", java.util.Optional.empty(), true).status())
                .isEqualTo(401);
        assertThat(ErrorStatus.of(ErrorCode.CAPABILITY_INVALID)).isEqualTo(403);
    }

    @Test
    void titlesAProblemAfterItsCode() {
        assertThat(ProblemJson.titleOf(ErrorCode.OFFER_ALREADY_ANSWERED)).isEqualTo("Offer already answered");
        assertThat(ProblemJson.titleOf(ErrorCode.NOT_FOUND)).isEqualTo("Not found");
    }
}
