package dev.switchboard.domain.identity;

import dev.switchboard.domain.identity.BareItem.StringItem;
import dev.switchboard.ports.model.SignedRequest;
import java.util.List;

/**
 * Builds the RFC 9421 §2.5 signature base: one {@code "name": value} line per covered component, then the
 * {@code "@signature-params"} line, joined by {@code \n} with no trailing newline.
 */
final class SignatureBase {

    private SignatureBase() {}

    static String build(CoveredComponents components, InnerList signatureParams, SignedRequest request) {
        StringBuilder base = new StringBuilder();
        for (String name : components.names()) {
            base.append(new StringItem(name).serialize()).append(": ").append(valueOf(name, request)).append('\n');
        }
        return base.append("\"@signature-params\": ").append(signatureParams.serialize()).toString();
    }

    private static String valueOf(String name, SignedRequest request) {
        return DerivedComponent.named(name)
                .map(component -> component.valueOf(request))
                .orElseGet(() -> fieldValue(name, request));
    }

    /** RFC 9421 §2.1: each field line trimmed, lines joined with {@code ", "}. */
    private static String fieldValue(String name, SignedRequest request) {
        List<String> lines = request.header(name);
        if (lines.isEmpty()) {
            throw SignatureErrors.componentMissing(
                    "the signature covers \"" + name + "\" but the request has no such header");
        }
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            if (value.length() > 0) {
                value.append(", ");
            }
            value.append(trimmed(name, line));
        }
        return value.toString();
    }

    private static String trimmed(String name, String line) {
        int start = 0;
        int end = line.length();
        while (start < end && isSpaceOrTab(line.charAt(start))) {
            start++;
        }
        while (end > start && isSpaceOrTab(line.charAt(end - 1))) {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            // A line break would let one value forge another line of the base; other controls and
            // non-ASCII have no single agreed encoding between client and server.
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                throw SignatureErrors.malformed("covered header \"" + name + "\" must be printable ASCII");
            }
        }
        return line.substring(start, end);
    }

    private static boolean isSpaceOrTab(char c) {
        return c == ' ' || c == '\t';
    }
}
