package dev.switchboard.domain.identity;

/** A key that checks a signature over a signature base, whatever the algorithm. */
interface VerificationKey {

    boolean verifies(byte[] signatureBase, byte[] signature);
}
