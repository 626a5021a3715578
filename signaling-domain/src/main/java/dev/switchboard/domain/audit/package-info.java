/**
 * The tamper-evident Enterprise audit log. {@link dev.switchboard.domain.audit.ChainHash} defines the hash
 * chain (its Javadoc is the specification an external verifier follows);
 * {@link dev.switchboard.domain.audit.AuditTrail} appends events when the edition keeps an audit log; the
 * {@code Audited*} classes wrap driving ports so that each use case's outcome is recorded without the
 * services knowing; {@link dev.switchboard.domain.audit.AuditServices} builds the query and verification
 * use cases. Events carry who, what, on what and a few plain facts: never payloads, SDPs, secrets, tokens,
 * invite codes or verifiers.
 */
package dev.switchboard.domain.audit;
