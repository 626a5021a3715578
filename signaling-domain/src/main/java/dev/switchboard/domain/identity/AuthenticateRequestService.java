package dev.switchboard.domain.identity;

import dev.switchboard.domain.MasterKeyRing;
import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.driven.NonceStore;
import dev.switchboard.ports.driving.AuthenticateRequest;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Authenticates a request by its RFC 9421 signature: the first signature of {@code Signature-Input},
 * which must cover the method, the target and (with a body) the {@code Content-Digest}, be created within
 * the window, carry a fresh nonce, and verify under an HMAC credential (within its lifetime) or an Ed25519
 * key id.
 *
 * <p>Checks run from cheapest to dearest, and the nonce is remembered only once the signature verified,
 * so that nobody can burn another key's nonces with forged requests.
 */
public final class AuthenticateRequestService implements AuthenticateRequest {
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final NonceStore nonces;
    private final InstantSource clock;
    private final Duration signatureWindow;
    private final VerificationKeys keys;

    public AuthenticateRequestService(
            CredentialStore credentials,
            NonceStore nonces,
            MasterKeyRing masterKeys,
            InstantSource clock,
            Duration signatureWindow) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signatureWindow = Objects.requireNonNull(signatureWindow, "signatureWindow");
        if (signatureWindow.isNegative() || signatureWindow.isZero()) {
            throw new IllegalArgumentException("signatureWindow must be positive, was " + signatureWindow);
        }
        this.keys = new VerificationKeys(
                Objects.requireNonNull(credentials, "credentials"), new SecretSeal(masterKeys));
    }

    @Override
    public Identity authenticate(SignedRequest request) {
        RequestSignature signature = SignatureHeaders.read(request);
        boolean hasBody = request.body().length > 0;
        signature.components().requireMinimum(hasBody);
        Instant now = clock.instant();
        requireWithinWindow(signature, now);
        if (!NONCE.matcher(signature.nonce()).matches()) {
            throw SignatureErrors.nonceInvalid();
        }
        if (hasBody) {
            ContentDigest.verify(request);
        }
        String base = SignatureBase.build(signature.components(), signature.signatureParams(), request);
        VerificationKey key = keys.resolve(signature.algorithm(), signature.keyId(), now);
        if (!key.verifies(base.getBytes(StandardCharsets.US_ASCII), signature.signature())) {
            throw SignatureErrors.authenticationFailed("the " + signature.algorithm().registeredName()
                    + " signature of key " + signature.keyId() + " does not match the signature base");
        }
        // A replay must be refused for as long as its created would still pass the window.
        Instant rememberUntil = signature.created().plus(signatureWindow);
        if (!nonces.rememberIfAbsent(signature.keyId(), signature.nonce(), rememberUntil)) {
            throw SignatureErrors.nonceReplayed();
        }
        return new Identity(signature.algorithm(), signature.keyId());
    }

    private void requireWithinWindow(RequestSignature signature, Instant now) {
        long windowSeconds = signatureWindow.toSeconds();
        if (signature.created().isBefore(now.minus(signatureWindow))) {
            throw SignatureErrors.expired("created is more than " + windowSeconds
                    + " s in the past; sign each request when you send it");
        }
        if (signature.created().isAfter(now.plus(signatureWindow))) {
            throw SignatureErrors.fromFuture("created is more than " + windowSeconds
                    + " s in the future; check the client's clock");
        }
        if (signature.expires().filter(expires -> expires.isBefore(now)).isPresent()) {
            throw SignatureErrors.expired("the signature's expires time has passed; sign the request again");
        }
    }
}
