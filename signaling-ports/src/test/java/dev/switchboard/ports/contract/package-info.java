/**
 * The storage contract, written once and run against every storage adapter:
 * {@link dev.switchboard.ports.contract.OfferStoreContract} (its rules grouped by concern in the
 * package-private {@code *Rules} classes), {@link dev.switchboard.ports.contract.SessionStoreContract}
 * (likewise, its groups extending {@code SessionStoreRules}),
 * {@link dev.switchboard.ports.contract.TransferStoreContract} (likewise, its groups extending
 * {@code TransferStoreRules}), {@link dev.switchboard.ports.contract.PeerStoreContract} (likewise, its groups
 * extending {@code PeerStoreRules}), {@link dev.switchboard.ports.contract.DeviceStoreContract},
 * {@link dev.switchboard.ports.contract.AuditLogContract},
 * {@link dev.switchboard.ports.contract.NonceStoreContract},
 * {@link dev.switchboard.ports.contract.CredentialStoreContract},
 * {@link dev.switchboard.ports.contract.CounterStoreContract},
 * {@link dev.switchboard.ports.contract.RateLimitStoreContract} and
 * {@link dev.switchboard.ports.contract.EventPublisherContract}. An adapter's test extends one and
 * supplies a fresh store; concurrency cases make the races of the ports really happen.
 * {@link dev.switchboard.ports.contract.StoreStatisticsContract} takes a whole storage instead, and checks each
 * count through the other stores.
 */
package dev.switchboard.ports.contract;
