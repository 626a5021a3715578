package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.domain.EnterprisePolicy;
import dev.switchboard.ports.model.Edition;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The edition, the Enterprise start-up rules, the admin credentials and the device settings. */
class EditionConfigTest {
    private static final String ADMIN_TOKEN = "s3cr3t-admin-token-0123456789abcdef";
    /** The Ed25519 test key of RFC 9421 Appendix B.1.4, as a key id. */
    private static final String ADMIN_KEY_ID = "JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs";
    private static final Map<String, String> ENTERPRISE = Map.of(
            "SWITCHBOARD_EDITION", "enterprise", "SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED", "true");

    private static SwitchboardConfig read(Map<String, String> environment) {
        return SwitchboardConfig.from(environment, new Properties());
    }

    private static InvalidConfigurationException refusal(Map<String, String> environment) {
        return catchThrowableOfType(InvalidConfigurationException.class, () -> read(environment));
    }

    private static Map<String, String> enterpriseWith(String... keysAndValues) {
        Map<String, String> environment = new HashMap<>(ENTERPRISE);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            environment.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return environment;
    }

    @Nested
    class WhenNothingIsConfigured {
        @Test
        void runsTheConsumerEditionWithoutAdminsAndTheDomainsDeviceRules() {
            EditionConfig edition = read(Map.of()).edition();

            assertThat(edition).isEqualTo(EditionConfig.consumer());
            assertThat(edition.policy()).usingRecursiveComparison().isEqualTo(EnterprisePolicy.consumer());
            assertThat(edition.adminEnabled()).isFalse();
        }
    }

    @Nested
    class WhenEnterpriseIsAcknowledged {
        @Test
        void runsTheEnterpriseEditionWithTheAdminOff() {
            EditionConfig edition = read(ENTERPRISE).edition();

            assertThat(edition.edition()).isEqualTo(Edition.ENTERPRISE);
            assertThat(edition.policy().adminEnabled()).isFalse();
            assertThat(edition.devices()).isEqualTo(DeviceConfig.defaults());
        }

        @Test
        void keepsOnlyTheHashOfTheAdminToken() {
            EditionConfig edition = read(enterpriseWith("SWITCHBOARD_ADMIN_TOKEN", ADMIN_TOKEN)).edition();

            assertThat(edition.adminTokenSha256())
                    .contains(HexFormat.of().formatHex(EnterprisePolicy.hashAdminToken(ADMIN_TOKEN)));
            assertThat(edition.policy().adminTokenSha256()).hasValueSatisfying(
                    hash -> assertThat(hash).isEqualTo(EnterprisePolicy.hashAdminToken(ADMIN_TOKEN)));
            assertThat(edition.toString()).doesNotContain(ADMIN_TOKEN).contains("adminToken=set");
        }

        @Test
        void acceptsEd25519AdminKeyIds() {
            EditionConfig edition = read(enterpriseWith("SWITCHBOARD_ADMIN_KEY_IDS", " " + ADMIN_KEY_ID + " ,"))
                    .edition();

            assertThat(edition.adminKeyIds()).containsExactly(ADMIN_KEY_ID);
            assertThat(edition.policy().adminEnabled()).isTrue();
        }

        @Test
        void readsEveryDeviceSetting() {
            EditionConfig edition = read(enterpriseWith(
                    "SWITCHBOARD_DEVICE_MAX_PER_IDENTITY", "3",
                    "SWITCHBOARD_DEVICE_MAX_PUBLIC_KEY_BYTES", "64",
                    "SWITCHBOARD_DEVICE_MAX_DISPLAY_NAME_LENGTH", "20",
                    "SWITCHBOARD_DEVICE_TTL_DEFAULT_SECONDS", "600",
                    "SWITCHBOARD_DEVICE_TTL_MAX_SECONDS", "3600")).edition();

            assertThat(edition.devices()).isEqualTo(
                    new DeviceConfig(3, 64, 20, Duration.ofMinutes(10), Duration.ofHours(1)));
        }

        @Test
        void runsOnAServerlessPlatformOnlyWhenAllowed() {
            EditionConfig edition = read(enterpriseWith("AWS_LAMBDA_FUNCTION_NAME", "relay",
                    "SWITCHBOARD_ENTERPRISE_ALLOW_SERVERLESS", "true")).edition();

            assertThat(edition.edition()).isEqualTo(Edition.ENTERPRISE);
        }
    }

    @Nested
    class WhenTheEnterpriseRulesAreBroken {
        @Test
        void refusesAnUnknownEdition() {
            assertThat(refusal(Map.of("SWITCHBOARD_EDITION", "premium")).problems()).containsExactly(
                    "SWITCHBOARD_EDITION: must be one of [consumer, enterprise], was \"premium\"");
        }

        @Test
        void refusesEnterpriseWithoutTheAcknowledgement() {
            assertThat(refusal(Map.of("SWITCHBOARD_EDITION", "enterprise")).problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED: is required with the enterprise edition");
        }

        @Test
        void refusesAnAcknowledgementThatIsNotExactlyTrue() {
            assertThat(refusal(enterpriseWith("SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED", "yes")).problems())
                    .containsExactly("SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED: must be exactly true to run the "
                            + "enterprise edition, was \"yes\"");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "AWS Lambda, AWS_LAMBDA_FUNCTION_NAME, relay",
                "AWS Lambda, AWS_EXECUTION_ENV, AWS_Lambda_java17",
                "Google Cloud Functions, FUNCTION_TARGET, relay",
                "Google Cloud Functions, FUNCTION_NAME, relay",
                "Google Cloud Run, K_SERVICE, relay",
                "Azure Functions, FUNCTIONS_WORKER_RUNTIME, java",
                "Vercel, VERCEL, 1",
                "Netlify, NETLIFY, true"})
        void refusesAManagedServerlessPlatformNamingIt(String platform, String variable, String value) {
            // The older Cloud Functions runtimes name the function and its region, never a target.
            Map<String, String> environment = enterpriseWith(variable, value, "FUNCTION_REGION",
                    variable.equals("FUNCTION_NAME") ? "europe-west1" : "");
            assertThat(refusal(environment).problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_EDITION: the enterprise edition does not run on a managed serverless")
                    .contains(platform + " was detected")
                    .contains("SWITCHBOARD_ENTERPRISE_ALLOW_SERVERLESS=true");
        }

        @Test
        void recognisesAzureFunctionsByItsSiteAndExtension() {
            assertThat(refusal(enterpriseWith("WEBSITE_SITE_NAME", "relay", "FUNCTIONS_EXTENSION_VERSION", "~4"))
                    .problems()).singleElement().asString().contains("Azure Functions was detected");
        }

        @Test
        void doesNotMistakeAPlainAzureWebAppOrAFunctionNameAloneForServerless() {
            assertThat(read(enterpriseWith("WEBSITE_SITE_NAME", "relay", "FUNCTION_NAME", "relay")).edition()
                    .edition()).isEqualTo(Edition.ENTERPRISE);
        }

        @Test
        void doesNotMistakeAnEc2InstanceForLambda() {
            assertThat(read(enterpriseWith("AWS_EXECUTION_ENV", "AWS_ECS_EC2")).edition().edition())
                    .isEqualTo(Edition.ENTERPRISE);
        }

        @Test
        void refusesAShortAdminTokenWithoutEchoingIt() {
            InvalidConfigurationException refused = refusal(enterpriseWith("SWITCHBOARD_ADMIN_TOKEN", "hunter2hunter2"));

            assertThat(refused.problems()).singleElement().asString()
                    .startsWith("SWITCHBOARD_ADMIN_TOKEN: must be at least 32 characters, was 14");
            assertThat(refused.getMessage()).doesNotContain("hunter2");
        }

        @Test
        void refusesAnAdminTokenThatCannotTravelInAHeaderWithoutEchoingIt() {
            String token = "not a header value " + ADMIN_TOKEN;

            InvalidConfigurationException refused = refusal(enterpriseWith("SWITCHBOARD_ADMIN_TOKEN", token));

            assertThat(refused.problems()).singleElement().asString().contains("Authorization header");
            assertThat(refused.getMessage()).doesNotContain(ADMIN_TOKEN);
        }

        @Test
        void refusesHmacCredentialsAndMalformedKeyIdsAsAdminKeys() {
            InvalidConfigurationException refused = refusal(enterpriseWith("SWITCHBOARD_ADMIN_KEY_IDS",
                    "hk_e3ZwGj5ZAtwxSiVpwBoL," + ADMIN_KEY_ID + ",not-a-key"));

            assertThat(refused.problems()).containsExactly(
                    "SWITCHBOARD_ADMIN_KEY_IDS: key id 1 of 3 (\"hk_e3ZwGj5ZAtwxSiVpwBoL\") is an HMAC credential id: "
                            + "those are issued by this server to anyone who asks, so admin keys must be Ed25519 key ids",
                    "SWITCHBOARD_ADMIN_KEY_IDS: key id 3 of 3 (\"not-a-key\") must be an Ed25519 key id: the raw "
                            + "32-byte public key in base64url without padding, 43 characters (see docs/signing.md)");
        }

        @Test
        void refusesANonCanonicalKeyId() {
            // The last character carries two unused bits: "t" sets one, so no encoder would write it.
            String nonCanonical = ADMIN_KEY_ID.substring(0, 42) + "t";

            assertThat(refusal(enterpriseWith("SWITCHBOARD_ADMIN_KEY_IDS", nonCanonical)).problems())
                    .singleElement().asString().contains("must be an Ed25519 key id");
        }

        @Test
        void refusesDeviceLifetimesOutOfOrder() {
            assertThat(refusal(enterpriseWith("SWITCHBOARD_DEVICE_TTL_DEFAULT_SECONDS", "7200",
                    "SWITCHBOARD_DEVICE_TTL_MAX_SECONDS", "3600")).problems()).containsExactly(
                    "SWITCHBOARD_DEVICE_TTL_MAX_SECONDS (3600) must be at least "
                            + "SWITCHBOARD_DEVICE_TTL_DEFAULT_SECONDS (7200)");
        }

        @Test
        void reportsEveryEnterpriseProblemTogether() {
            InvalidConfigurationException refused = refusal(Map.of(
                    "SWITCHBOARD_EDITION", "enterprise",
                    "VERCEL", "1",
                    "SWITCHBOARD_ADMIN_TOKEN", "short",
                    "SWITCHBOARD_DEVICE_MAX_PER_IDENTITY", "0"));

            assertThat(refused.problems()).hasSize(4).anySatisfy(p -> assertThat(p)
                    .startsWith("SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED")).anySatisfy(p -> assertThat(p)
                    .contains("Vercel was detected")).anySatisfy(p -> assertThat(p)
                    .startsWith("SWITCHBOARD_ADMIN_TOKEN")).anySatisfy(p -> assertThat(p)
                    .startsWith("SWITCHBOARD_DEVICE_MAX_PER_IDENTITY"));
        }
    }

    @Nested
    class WhenEnterpriseSettingsAreGivenToConsumer {
        @Test
        void refusesEachOfThemAsAForgottenEdition() {
            InvalidConfigurationException refused = refusal(Map.of(
                    "SWITCHBOARD_ADMIN_TOKEN", ADMIN_TOKEN,
                    "SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED", "true",
                    "SWITCHBOARD_DEVICE_MAX_PER_IDENTITY", "3"));

            assertThat(refused.problems()).containsExactlyInAnyOrder(
                    "SWITCHBOARD_ADMIN_TOKEN: is only used by the enterprise edition; set SWITCHBOARD_EDITION="
                            + "enterprise, or remove it",
                    "SWITCHBOARD_ENTERPRISE_ACKNOWLEDGED: is only used by the enterprise edition; set "
                            + "SWITCHBOARD_EDITION=enterprise, or remove it",
                    "SWITCHBOARD_DEVICE_MAX_PER_IDENTITY: is only used by the enterprise edition; set "
                            + "SWITCHBOARD_EDITION=enterprise, or remove it");
            assertThat(refused.getMessage()).doesNotContain(ADMIN_TOKEN);
        }

        @Test
        void ignoresServerlessPlatformsOnConsumer() {
            assertThat(read(Map.of("AWS_LAMBDA_FUNCTION_NAME", "relay")).edition().edition())
                    .isEqualTo(Edition.CONSUMER);
        }
    }
}
