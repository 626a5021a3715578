package dev.switchboard.domain.identity;

import dev.switchboard.domain.identity.BareItem.StringItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The components a signature covers, in signed order: derived components Switchboard supports and
 * lower-case header field names, each at most once and without component parameters.
 */
record CoveredComponents(List<String> names) {
    private static final String CONTENT_DIGEST = "content-digest";

    CoveredComponents {
        names = List.copyOf(names);
    }

    /** Reads the components of a {@code Signature-Input} inner list, refusing what Switchboard cannot sign over. */
    static CoveredComponents from(InnerList signatureInput) {
        Set<String> names = new LinkedHashSet<>();
        for (Item item : signatureInput.items()) {
            if (!(item.value() instanceof StringItem component)) {
                throw SignatureErrors.malformed("covered components must be strings, such as \"@method\"");
            }
            String name = component.value();
            if (!item.parameters().isEmpty()) {
                String parameter = item.parameters().values().keySet().iterator().next();
                throw SignatureErrors.malformed(
                        "component parameter ;" + parameter + " is not supported (on \"" + name + "\")");
            }
            requireSupported(name);
            if (!names.add(name)) {
                throw SignatureErrors.malformed("component \"" + name + "\" is covered twice");
            }
        }
        return new CoveredComponents(new ArrayList<>(names));
    }

    /**
     * Requires what every Switchboard signature must cover: the method, the whole target (as
     * {@code @target-uri} or its parts), and the body's digest when there is a body.
     */
    void requireMinimum(boolean hasBody) {
        if (!names.contains(DerivedComponent.METHOD.componentName())) {
            throw SignatureErrors.componentMissing("the signature must cover \"@method\"");
        }
        boolean coversTarget = names.contains(DerivedComponent.TARGET_URI.componentName())
                || names.containsAll(List.of(DerivedComponent.AUTHORITY.componentName(),
                        DerivedComponent.PATH.componentName(), DerivedComponent.QUERY.componentName()));
        if (!coversTarget) {
            throw SignatureErrors.componentMissing(
                    "the signature must cover \"@target-uri\", or all of \"@authority\", \"@path\" and \"@query\"");
        }
        if (hasBody && !names.contains(CONTENT_DIGEST)) {
            throw SignatureErrors.componentMissing("a request with a body must cover \"content-digest\"");
        }
    }

    private static void requireSupported(String name) {
        if (name.isEmpty()) {
            throw SignatureErrors.malformed("a covered component name must not be empty");
        }
        if (name.startsWith("@") && DerivedComponent.named(name).isEmpty()) {
            throw SignatureErrors.malformed("derived component \"" + name + "\" is not supported");
        }
        if (!name.toLowerCase(Locale.ROOT).equals(name)) {
            throw SignatureErrors.malformed("header component names must be lower case: \"" + name + "\"");
        }
    }
}
