/**
 * Building blocks that several rule packages share: {@link dev.switchboard.domain.shared.MillisecondClock}
 * (the clock at store precision), {@link dev.switchboard.domain.shared.InviteCodes} (uniform human-typable
 * codes), {@link dev.switchboard.domain.shared.SignedTokens} (server-signed tokens) and
 * {@link dev.switchboard.domain.shared.FailureBudget} (guessing budgets per client address). Public only so
 * the sibling packages can use them; hosts use {@link dev.switchboard.domain.SignalingCore} instead.
 */
package dev.switchboard.domain.shared;
