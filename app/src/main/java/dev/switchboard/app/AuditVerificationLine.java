package dev.switchboard.app;

import dev.switchboard.ports.driving.VerifyAuditLog;

/**
 * The {@code verify-audit} command's result as one JSON line, written by hand: the app has no JSON library of its
 * own, and the line holds only numbers and a problem text, escaped here.
 */
final class AuditVerificationLine {

    private AuditVerificationLine() {}

    /**
     * {@code {"auditLog":"intact","entriesChecked":12,"firstBrokenSequence":null,"problem":null}}, or with
     * {@code "broken"}, the sequence and the problem.
     */
    static String of(VerifyAuditLog.Verification verification) {
        return "{\"auditLog\":\"" + (verification.intact() ? "intact" : "broken") + "\""
                + ",\"entriesChecked\":" + verification.entriesChecked()
                + ",\"firstBrokenSequence\":" + (verification.firstBrokenSequence().isPresent()
                        ? String.valueOf(verification.firstBrokenSequence().getAsLong()) : "null")
                + ",\"problem\":" + verification.problem().map(AuditVerificationLine::quoted).orElse("null") + "}";
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
