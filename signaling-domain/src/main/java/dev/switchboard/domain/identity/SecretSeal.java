package dev.switchboard.domain.identity;

import dev.switchboard.domain.MasterKeyRing;
import dev.switchboard.ports.model.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals credential secrets at rest with AES-256-GCM under the master key ring. The credential id is the
 * associated data, so a sealed secret copied onto another credential no longer opens.
 */
final class SecretSeal {
    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final MasterKeyRing masterKeys;

    SecretSeal(MasterKeyRing masterKeys) {
        this.masterKeys = Objects.requireNonNull(masterKeys, "masterKeys");
    }

    /** Seals under the ring's current key; {@code iv} must be fresh random bytes, never reused. */
    SealedSecret seal(String credentialId, byte[] secret, byte[] iv) {
        byte[] key = masterKeys.currentKey();
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, credentialId);
            return new SealedSecret(masterKeys.currentKeyId(), iv, cipher.doFinal(secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is required by every Java platform", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Opens a secret sealed for {@code credentialId} under any key the ring still holds.
     *
     * @throws GeneralSecurityException when the ring lacks the key, or the ciphertext, IV or id was altered
     */
    byte[] open(String credentialId, SealedSecret sealed) throws GeneralSecurityException {
        byte[] key = masterKeys.key(sealed.masterKeyId()).orElseThrow(() -> new InvalidKeyException(
                "master key " + sealed.masterKeyId() + " is not in the ring"));
        try {
            return cipher(Cipher.DECRYPT_MODE, key, sealed.iv(), credentialId).doFinal(sealed.ciphertext());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, String credentialId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(credentialId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
