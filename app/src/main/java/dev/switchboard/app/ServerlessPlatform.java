package dev.switchboard.app;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The managed serverless platforms the Enterprise edition refuses to start on, each recognised by the
 * environment variables the platform sets in every function or service it runs.
 */
enum ServerlessPlatform {
    AWS_LAMBDA("AWS Lambda", env -> env.has("AWS_LAMBDA_FUNCTION_NAME")
            || env.value("AWS_EXECUTION_ENV").filter(value -> value.startsWith("AWS_Lambda")).isPresent()),
    // Checked before Cloud Run: functions of the current generation run on Cloud Run and set K_SERVICE too.
    GOOGLE_CLOUD_FUNCTIONS("Google Cloud Functions", env -> env.has("FUNCTION_TARGET")
            || env.has("FUNCTION_NAME") && (env.has("FUNCTION_REGION") || env.has("GCP_PROJECT"))),
    GOOGLE_CLOUD_RUN("Google Cloud Run", env -> env.has("K_SERVICE")),
    AZURE_FUNCTIONS("Azure Functions", env -> env.has("FUNCTIONS_WORKER_RUNTIME")
            || env.has("WEBSITE_SITE_NAME") && env.has("FUNCTIONS_EXTENSION_VERSION")),
    VERCEL("Vercel", env -> env.has("VERCEL")),
    NETLIFY("Netlify", env -> env.has("NETLIFY"));

    private final String displayName;
    private final Predicate<Variables> detects;

    ServerlessPlatform(String displayName, Predicate<Variables> detects) {
        this.displayName = displayName;
        this.detects = detects;
    }

    /** The name operators know the platform by, for the refusal message. */
    String displayName() {
        return displayName;
    }

    /** The platform this process runs on, judging by the platform's own variables; empty for none of them. */
    static Optional<ServerlessPlatform> detect(SettingsReader settings) {
        Variables variables = new Variables(settings);
        return Arrays.stream(values()).filter(platform -> platform.detects.test(variables)).findFirst();
    }

    /** The process environment as the detection rules read it. */
    private record Variables(SettingsReader settings) {
        boolean has(String name) {
            return settings.platformVariable(name).isPresent();
        }

        Optional<String> value(String name) {
            return settings.platformVariable(name);
        }
    }
}
