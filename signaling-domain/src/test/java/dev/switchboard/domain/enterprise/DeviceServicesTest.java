package dev.switchboard.domain.enterprise;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static dev.switchboard.domain.TestCore.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.domain.ForwardingStorage;
import dev.switchboard.domain.PredictableEntropy;
import dev.switchboard.domain.TestCore;
import dev.switchboard.domain.TransferPolicy;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.driving.EnterpriseUseCases;
import dev.switchboard.ports.driving.ListDevices;
import dev.switchboard.ports.driving.RegisterDevice;
import dev.switchboard.ports.driving.UpdateDevice;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import dev.switchboard.ports.model.Identity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeviceServicesTest {
    private static final Actor.Admin ADMIN = new Actor.Admin("token");
    private static final Actor AS_ALICE = new Actor.User(ALICE);
    private static final Actor AS_BOB = new Actor.User(BOB);
    private static final byte[] KEY = {1, 2, 3, 4};

    private final TestCore core = TestCore.enterprise();
    private final EnterpriseUseCases enterprise = core.enterpriseUseCases();
    private final Instant start = core.clock.instant();

    private Device register(Identity owner, String id) {
        return register(owner, id, "device " + id, KEY, Optional.empty());
    }

    private Device register(Identity owner, String id, String name, byte[] key, Optional<Duration> ttl) {
        return enterprise.registerDevice().register(owner,
                new RegisterDevice.Request(new DeviceId(id), name, key, Optional.empty(), ttl));
    }

    private static UpdateDevice.Changes rename(String name) {
        return new UpdateDevice.Changes(Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static UpdateDevice.Changes rekey(byte[] key) {
        return new UpdateDevice.Changes(Optional.empty(), Optional.of(key), Optional.empty(), Optional.empty());
    }

    @Nested
    class Registering {
        @Test
        void registersAPendingDeviceOfTheCaller() {
            Device device = register(ALICE, "laptop");

            assertThat(device.ownerKeyId()).isEqualTo(ALICE.keyId());
            assertThat(device.status()).isEqualTo(DeviceStatus.PENDING);
            assertThat(device.version()).isOne();
            assertThat(device.expiresAt()).isEqualTo(start.plus(core.enterprisePolicy.defaultDeviceTtl()));
            assertThat(core.storage.devices().find(device.id())).contains(device);
        }

        @Test
        void clampsTheTtlBetweenAMinuteAndTheMaximum() {
            assertThat(register(ALICE, "a", "a", KEY, Optional.of(Duration.ofSeconds(1))).expiresAt())
                    .isEqualTo(start.plus(Duration.ofMinutes(1)));
            assertThat(register(ALICE, "b", "b", KEY, Optional.of(Duration.ofDays(9999))).expiresAt())
                    .isEqualTo(start.plus(core.enterprisePolicy.maxDeviceTtl()));
        }

        @Test
        void refusesAnEmptyOverlongOrControlCharacterName() {
            int max = core.enterprisePolicy.maxDisplayNameLength();

            assertRefused(ErrorCode.VALIDATION_FAILED, () -> register(ALICE, "a", "  ", KEY, Optional.empty()));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> register(ALICE, "a", "n".repeat(max + 1), KEY, Optional.empty()));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> register(ALICE, "a", "bad\u0007name", KEY, Optional.empty()));
        }

        @Test
        void refusesAnEmptyOrOversizedPublicKey() {
            int max = core.enterprisePolicy.maxPublicKeyBytes();

            assertRefused(ErrorCode.VALIDATION_FAILED, () -> register(ALICE, "a", "a", new byte[0], Optional.empty()));
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> register(ALICE, "a", "a", new byte[max + 1], Optional.empty()));
        }

        @Test
        void refusesAnIdAlreadyRegistered() {
            register(ALICE, "laptop");

            assertRefused(ErrorCode.DEVICE_ID_TAKEN, () -> register(BOB, "laptop"));
            assertRefused(ErrorCode.DEVICE_ID_TAKEN, () -> register(ALICE, "laptop"));
        }

        @Test
        void refusesMoreDevicesThanAnIdentityMayHave() {
            for (int i = 0; i < core.enterprisePolicy.maxDevicesPerIdentity(); i++) {
                register(ALICE, "device-" + i);
            }

            assertRefused(ErrorCode.LIMIT_REACHED, () -> register(ALICE, "one-more"));
        }
    }

    @Nested
    class Updating {
        private final Device laptop = register(ALICE, "laptop");

        @Test
        void letsTheOwnerRenameIt() {
            Device renamed = enterprise.updateDevice().update(AS_ALICE, laptop.id(), rename("work laptop"));

            assertThat(renamed.displayName()).isEqualTo("work laptop");
            assertThat(renamed.version()).isEqualTo(2);
            assertThat(core.storage.devices().find(laptop.id())).contains(renamed);
        }

        @Test
        void letsAnAdminChangeIt() {
            assertThat(enterprise.updateDevice().update(ADMIN, laptop.id(), rename("by admin")).displayName())
                    .isEqualTo("by admin");
        }

        @Test
        void refusesAnyoneElse() {
            assertRefused(ErrorCode.NOT_DEVICE_OWNER, () -> enterprise.updateDevice().update(AS_BOB, laptop.id(), rename("mine")));
        }

        @Test
        void sendsAnApprovedDeviceBackToPendingWithANewKey() {
            enterprise.reviewDevice().approve(ADMIN, laptop.id());

            Device rekeyed = enterprise.updateDevice().update(AS_ALICE, laptop.id(), rekey(new byte[] {9, 9}));

            assertThat(rekeyed.status()).isEqualTo(DeviceStatus.PENDING);
        }

        @Test
        void keepsItApprovedWhenTheKeyIsTheSame() {
            enterprise.reviewDevice().approve(ADMIN, laptop.id());

            assertThat(enterprise.updateDevice().update(AS_ALICE, laptop.id(), rekey(KEY)).status())
                    .isEqualTo(DeviceStatus.APPROVED);
        }

        @Test
        void renewsTheRegistrationFromNow() {
            core.clock.advance(Duration.ofDays(1));
            UpdateDevice.Changes renew = new UpdateDevice.Changes(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(Duration.ofDays(30)));

            assertThat(enterprise.updateDevice().update(AS_ALICE, laptop.id(), renew).expiresAt())
                    .isEqualTo(core.clock.instant().plus(Duration.ofDays(30)));
        }

        @Test
        void refusesARevokedDevice() {
            enterprise.reviewDevice().revoke(ADMIN, laptop.id(), "stolen");

            assertRefused(ErrorCode.DEVICE_REVOKED, () -> enterprise.updateDevice().update(AS_ALICE, laptop.id(), rename("x")));
        }

        @Test
        void refusesAMissingOrExpiredDevice() {
            assertRefused(ErrorCode.DEVICE_NOT_FOUND,
                    () -> enterprise.updateDevice().update(AS_ALICE, new DeviceId("nope"), rename("x")));
            core.clock.advance(core.enterprisePolicy.defaultDeviceTtl());
            assertRefused(ErrorCode.DEVICE_NOT_FOUND, () -> enterprise.updateDevice().update(AS_ALICE, laptop.id(), rename("x")));
        }
    }

    @Nested
    class WhenAnotherChangeWinsTheRace {
        private final InMemoryStorage stores = new InMemoryStorage();
        private final AtomicBoolean raced = new AtomicBoolean();
        private final TestCore racing = new TestCore(new ForwardingStorage(stores) {
            @Override
            public DeviceStore devices() {
                return new ForwardingDeviceStore(stores.devices()) {
                    @Override
                    public boolean update(Device changed) {
                        if (raced.compareAndSet(false, true)) {
                            // A competing rename lands between the use case's read and its write.
                            Device current = stores.devices().find(changed.id()).orElseThrow();
                            stores.devices().update(current.changed("competitor", current.publicKey(),
                                    current.onion(), current.status(), current.revocationReason(),
                                    current.reviewedBy(), current.updatedAt(), current.expiresAt()));
                        }
                        return super.update(changed);
                    }
                };
            }
        }, new PredictableEntropy(), TransferPolicy.defaults(TestCore.SIGNING_KEY), TestCore.enterpriseEdition());

        @Test
        void readsAgainAndAppliesTheChangeOnTheNewVersion() {
            racing.enterpriseUseCases().registerDevice().register(ALICE,
                    new RegisterDevice.Request(new DeviceId("laptop"), "laptop", KEY, Optional.empty(), Optional.empty()));

            Device renamed = racing.enterpriseUseCases().updateDevice()
                    .update(AS_ALICE, new DeviceId("laptop"), rename("after the race"));

            assertThat(raced).isTrue();
            assertThat(renamed.version()).isEqualTo(3);
            assertThat(stores.devices().find(renamed.id())).contains(renamed);
        }
    }

    @Nested
    class Removing {
        private final Device laptop = register(ALICE, "laptop");

        @Test
        void letsTheOwnerRemoveIt() {
            enterprise.removeDevice().remove(AS_ALICE, laptop.id());

            assertThat(core.storage.devices().find(laptop.id())).isEmpty();
        }

        @Test
        void letsAnAdminRemoveARevokedDevice() {
            enterprise.reviewDevice().revoke(ADMIN, laptop.id(), "stolen");
            enterprise.removeDevice().remove(ADMIN, laptop.id());

            assertThat(core.storage.devices().find(laptop.id())).isEmpty();
        }

        @Test
        void refusesAnyoneElse() {
            assertRefused(ErrorCode.NOT_DEVICE_OWNER, () -> enterprise.removeDevice().remove(AS_BOB, laptop.id()));
            assertThat(core.storage.devices().find(laptop.id())).isPresent();
        }

        @Test
        void refusesAMissingDevice() {
            assertRefused(ErrorCode.DEVICE_NOT_FOUND, () -> enterprise.removeDevice().remove(AS_ALICE, new DeviceId("nope")));
        }
    }

    @Nested
    class Listing {
        Listing() {
            register(ALICE, "a1");
            register(ALICE, "a2");
            register(ALICE, "a3");
            register(BOB, "b1");
            enterprise.reviewDevice().approve(ADMIN, new DeviceId("a2"));
            enterprise.reviewDevice().revoke(ADMIN, new DeviceId("b1"), "lost");
        }

        private ListDevices.Page list(Actor actor, Optional<String> owner, Optional<DeviceStatus> status,
                Optional<DeviceId> after, int limit) {
            return enterprise.listDevices().list(actor, new ListDevices.Query(owner, status, after, limit));
        }

        private static List<String> ids(ListDevices.Page page) {
            return page.devices().stream().map(device -> device.id().value()).toList();
        }

        @Test
        void showsAUserItsOwnDevicesOnly() {
            assertThat(ids(list(AS_ALICE, Optional.empty(), Optional.empty(), Optional.empty(), 10)))
                    .containsExactly("a1", "a2", "a3");
        }

        @Test
        void refusesAUserNamingAnotherOwner() {
            assertRefused(ErrorCode.NOT_DEVICE_OWNER,
                    () -> list(AS_ALICE, Optional.of(BOB.keyId()), Optional.empty(), Optional.empty(), 10));
        }

        @Test
        void showsAnAdminEveryDeviceOrOneOwners() {
            assertThat(ids(list(ADMIN, Optional.empty(), Optional.empty(), Optional.empty(), 10)))
                    .containsExactly("a1", "a2", "a3", "b1");
            assertThat(ids(list(ADMIN, Optional.of(BOB.keyId()), Optional.empty(), Optional.empty(), 10)))
                    .containsExactly("b1");
        }

        @Test
        void filtersByStatusAndShowsRevokedDevicesAsSuch() {
            assertThat(ids(list(ADMIN, Optional.empty(), Optional.of(DeviceStatus.REVOKED), Optional.empty(), 10)))
                    .containsExactly("b1");
            assertThat(ids(list(AS_ALICE, Optional.empty(), Optional.of(DeviceStatus.APPROVED), Optional.empty(), 10)))
                    .containsExactly("a2");
        }

        @Test
        void pagesWithACursor() {
            ListDevices.Page first = list(ADMIN, Optional.empty(), Optional.empty(), Optional.empty(), 2);
            ListDevices.Page second = list(ADMIN, Optional.empty(), Optional.empty(), first.nextAfterId(), 2);

            assertThat(ids(first)).containsExactly("a1", "a2");
            assertThat(ids(second)).containsExactly("a3", "b1");
            assertThat(list(ADMIN, Optional.empty(), Optional.empty(), second.nextAfterId(), 2).nextAfterId()).isEmpty();
        }

        @Test
        void clampsTheLimit() {
            assertThat(ids(list(ADMIN, Optional.empty(), Optional.empty(), Optional.empty(), 0))).hasSize(1);
            assertThat(ids(list(ADMIN, Optional.empty(), Optional.empty(), Optional.empty(), 100_000))).hasSize(4);
        }
    }

    @Nested
    class Reviewing {
        private final Device laptop = register(ALICE, "laptop");

        @Test
        void approvesAPendingDevice() {
            Device approved = enterprise.reviewDevice().approve(ADMIN, laptop.id());

            assertThat(approved.status()).isEqualTo(DeviceStatus.APPROVED);
            assertThat(approved.reviewedBy()).contains("admin:token");
        }

        @Test
        void revokesWithAReason() {
            Device revoked = enterprise.reviewDevice().revoke(ADMIN, laptop.id(), "  reported stolen ");

            assertThat(revoked.status()).isEqualTo(DeviceStatus.REVOKED);
            assertThat(revoked.revocationReason()).contains("reported stolen");
        }

        @Test
        void neverApprovesARevokedDevice() {
            enterprise.reviewDevice().revoke(ADMIN, laptop.id(), "stolen");

            assertRefused(ErrorCode.DEVICE_REVOKED, () -> enterprise.reviewDevice().approve(ADMIN, laptop.id()));
        }

        @Test
        void refusesAnEmptyOrOverlongReason() {
            assertRefused(ErrorCode.VALIDATION_FAILED, () -> enterprise.reviewDevice().revoke(ADMIN, laptop.id(), " "));
            assertRefused(ErrorCode.VALIDATION_FAILED,
                    () -> enterprise.reviewDevice().revoke(ADMIN, laptop.id(), "r".repeat(201)));
        }

        @Test
        void refusesAMissingDevice() {
            assertRefused(ErrorCode.DEVICE_NOT_FOUND, () -> enterprise.reviewDevice().approve(ADMIN, new DeviceId("nope")));
        }
    }
}
