package dev.switchboard.ports.driving;

import dev.switchboard.ports.model.IssuedCredential;

/** Issues a new HMAC credential: an id and a 32-byte secret, returned once and stored only sealed. */
public interface IssueCredential {
    IssuedCredential issue();
}
