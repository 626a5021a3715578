package dev.switchboard.app.e2e;

/** A client's signing key, as RFC 9421 names it: a key id, an algorithm, and the signing itself. */
interface RequestSigner {

    /** The {@code keyid} signature parameter. */
    String keyId();

    /** The {@code alg} signature parameter. */
    String algorithm();

    /** Signs the UTF-8 bytes of a signature base. */
    byte[] sign(byte[] signatureBase);
}
