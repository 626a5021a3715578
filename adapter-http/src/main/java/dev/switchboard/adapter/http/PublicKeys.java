package dev.switchboard.adapter.http;

import dev.switchboard.ports.SignalingException;
import java.util.Base64;

/**
 * Decodes a device's public key from the wire strictly: standard base64 or base64url (one alphabet, not
 * both), padding optional, nothing else, and canonical (unused trailing bits zero), so one key has one
 * spelling. Written back as base64url without padding.
 */
final class PublicKeys {

    private PublicKeys() {}

    static byte[] decode(String text, String field) {
        if (text == null || text.isEmpty()) {
            throw SignalingException.invalid(field, "is required");
        }
        boolean standard = text.indexOf('+') >= 0 || text.indexOf('/') >= 0;
        byte[] key;
        try {
            key = (standard ? Base64.getDecoder() : Base64.getUrlDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            throw SignalingException.invalid(field, "must be base64 or base64url");
        }
        String canonical = (standard ? Base64.getEncoder() : Base64.getUrlEncoder()).withoutPadding()
                .encodeToString(key);
        if (key.length == 0 || !canonical.equals(stripPadding(text))) {
            throw SignalingException.invalid(field, "must be base64 or base64url of a non-empty key");
        }
        return key;
    }

    static String encode(byte[] key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private static String stripPadding(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        return text.substring(0, end);
    }
}
