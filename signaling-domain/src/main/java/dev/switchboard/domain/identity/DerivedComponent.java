package dev.switchboard.domain.identity;

import dev.switchboard.ports.model.SignedRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The RFC 9421 §2.2 derived components Switchboard can sign over, each computing its value from a request. */
enum DerivedComponent {
    METHOD("@method") {
        @Override
        String valueOf(SignedRequest request) {
            return request.method();
        }
    },
    TARGET_URI("@target-uri") {
        @Override
        String valueOf(SignedRequest request) {
            return SCHEME.valueOf(request) + "://" + AUTHORITY.valueOf(request) + REQUEST_TARGET.valueOf(request);
        }
    },
    AUTHORITY("@authority") {
        @Override
        String valueOf(SignedRequest request) {
            return normalizedAuthority(SCHEME.valueOf(request), request.authority());
        }
    },
    SCHEME("@scheme") {
        @Override
        String valueOf(SignedRequest request) {
            return request.scheme().toLowerCase(Locale.ROOT);
        }
    },
    PATH("@path") {
        @Override
        String valueOf(SignedRequest request) {
            return request.path().isEmpty() ? "/" : request.path();
        }
    },
    QUERY("@query") {
        @Override
        String valueOf(SignedRequest request) {
            return "?" + request.query().orElse("");
        }
    },
    REQUEST_TARGET("@request-target") {
        @Override
        String valueOf(SignedRequest request) {
            return PATH.valueOf(request) + request.query().map(query -> "?" + query).orElse("");
        }
    };

    private final String componentName;

    DerivedComponent(String componentName) {
        this.componentName = componentName;
    }

    /** The component's value as it appears in the signature base. */
    abstract String valueOf(SignedRequest request);

    String componentName() {
        return componentName;
    }

    static Optional<DerivedComponent> named(String componentName) {
        return Arrays.stream(values()).filter(c -> c.componentName.equals(componentName)).findFirst();
    }

    /** RFC 9421 §2.2.3: host lower-cased and the scheme's default port left out. */
    private static String normalizedAuthority(String scheme, String authority) {
        String lower = authority.toLowerCase(Locale.ROOT);
        int colon = lower.lastIndexOf(':');
        if (colon < 0 || colon < lower.lastIndexOf(']')) {
            return lower;
        }
        String port = lower.substring(colon + 1);
        boolean defaultPort = port.isEmpty()
                || ("http".equals(scheme) && "80".equals(port))
                || ("https".equals(scheme) && "443".equals(port));
        return defaultPort ? lower.substring(0, colon) : lower;
    }
}
