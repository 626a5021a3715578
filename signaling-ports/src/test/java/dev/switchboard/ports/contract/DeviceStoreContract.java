package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.DeviceFixtures.NOW;
import static dev.switchboard.ports.testing.DeviceFixtures.TTL;
import static dev.switchboard.ports.testing.DeviceFixtures.aDevice;
import static dev.switchboard.ports.testing.DeviceFixtures.randomDeviceId;
import static dev.switchboard.ports.testing.DeviceFixtures.randomIdPrefix;
import static dev.switchboard.ports.testing.DeviceFixtures.randomOnion;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.DeviceStore;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import dev.switchboard.ports.testing.DeviceFixtures;
import dev.switchboard.ports.testing.Race;
import dev.switchboard.ports.testing.TransferFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeviceStore} must do; an adapter's test extends this and supplies the store. Device ids
 * of one test share a random lower-case prefix and differ in their last character, so they sort the same
 * everywhere.
 */
public abstract class DeviceStoreContract {
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(1));
    private static final int ROOMY = 1000;

    private DeviceStore store;
    private final String owner = randomKeyId();
    private final String prefix = randomIdPrefix();

    /**
     * A new store holding no devices: {@code list} and {@code deleteExpired} see every device of the store,
     * so a database-backed adapter empties its table here.
     */
    protected abstract DeviceStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
    }

    @Nested
    class Inserting {
        @Test
        void storesANewDeviceWithEveryFieldAsGiven() {
            Device device = aDevice().onion(randomOnion()).publicKey(TransferFixtures.randomBytes(1952))
                    .registeredAt(NOW.plusMillis(123)).build();

            assertThat(store.insert(device, NOW)).isTrue();

            Device found = store.find(device.id()).orElseThrow();
            assertThat(found).isEqualTo(device);
            assertThat(found.publicKey()).isEqualTo(device.publicKey());
            assertThat(found.version()).isEqualTo(1);
        }

        @Test
        void keepsTheOptionalFieldsOfAReviewedDevice() {
            Device device = aDevice().revoked("admin:alice", "lost on a train").build();

            store.insert(device, NOW);

            assertThat(store.find(device.id())).contains(device);
        }

        @Test
        void findsNothingForAnUnknownId() {
            insert(aDevice());

            assertThat(store.find(randomDeviceId())).isEmpty();
        }

        @Test
        void refusesAnIdHeldByADeviceNotExpiredAtNow() {
            Device holder = insert(aDevice().expiresAt(LATER));
            Device contender = aDevice().id(holder.id()).build();

            assertThat(store.insert(contender, LATER.minusMillis(1))).isFalse();

            assertThat(store.find(holder.id())).contains(holder);
        }

        @Test
        void replacesAHolderExpiredAtNow() {
            Device holder = insert(aDevice().expiresAt(LATER));
            Device successor = aDevice().id(holder.id()).registeredAt(LATER).build();

            assertThat(store.insert(successor, LATER)).isTrue();

            assertThat(store.find(holder.id())).contains(successor);
            assertThat(store.countByOwner(holder.ownerKeyId(), NOW)).isZero();
        }

        @Test
        void findsAnExpiredDeviceUntilItIsSwept() {
            Device device = insert(aDevice().expiresAt(LATER));

            assertThat(store.find(device.id())).contains(device);
            store.deleteExpired(LATER);
            assertThat(store.find(device.id())).isEmpty();
        }

        @Test
        void storesExactlyOneOfManyConcurrentDevicesWithOneId() {
            DeviceId id = randomDeviceId();

            List<Boolean> inserted = Race.run(20, i -> store.insert(aDevice().id(id).build(), NOW));

            assertThat(inserted).containsOnlyOnce(true);
        }
    }

    @Nested
    class Changing {
        @Test
        void replacesTheDeviceWhenTheStoredVersionIsTheOneBefore() {
            Device device = insert(aDevice());
            Device changed = approved(device, LATER);

            assertThat(store.update(changed)).isTrue();

            assertThat(store.find(device.id())).contains(changed);
            Device again = changed.changed("Phone", TransferFixtures.randomBytes(32), Optional.of(randomOnion()),
                    DeviceStatus.PENDING, Optional.empty(), Optional.empty(), LATER.plusMillis(5), LATER.plus(TTL));
            assertThat(store.update(again)).isTrue();
            assertThat(store.find(device.id())).contains(again);
            assertThat(store.find(device.id()).orElseThrow().version()).isEqualTo(3);
        }

        @Test
        void refusesAChangeBasedOnAStaleVersion() {
            Device device = insert(aDevice());
            Device first = approved(device, LATER);
            store.update(first);

            assertThat(store.update(approved(device, LATER.plusMillis(1)))).isFalse();
            assertThat(store.update(approved(approved(first, LATER), LATER))).isFalse();

            assertThat(store.find(device.id())).contains(first);
        }

        @Test
        void refusesAChangeToAnUnknownDevice() {
            Device unknown = aDevice().build();

            assertThat(store.update(approved(unknown, LATER))).isFalse();
            assertThat(store.find(unknown.id())).isEmpty();
        }

        @Test
        void letsExactlyOneOfManyConcurrentChangesOfOneVersionWin() {
            Device device = insert(aDevice());

            List<Boolean> updated = Race.run(20, i -> store.update(approved(device, LATER.plusMillis(i))));

            assertThat(updated).containsOnlyOnce(true);
            Device stored = store.find(device.id()).orElseThrow();
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored).isEqualTo(approved(device, LATER.plusMillis(updated.indexOf(true))));
        }

        @Test
        void deletesTheDeviceAtTheGivenVersionOnly() {
            Device device = insert(aDevice());
            Device changed = approved(device, LATER);
            store.update(changed);

            assertThat(store.delete(device.id(), 1)).isFalse();
            assertThat(store.find(device.id())).contains(changed);
            assertThat(store.delete(device.id(), 2)).isTrue();
            assertThat(store.find(device.id())).isEmpty();
            assertThat(store.delete(device.id(), 2)).isFalse();
        }

        @Test
        void freesTheIdOfADeletedDevice() {
            Device device = insert(aDevice());
            store.delete(device.id(), 1);

            assertThat(store.insert(aDevice().id(device.id()).build(), NOW)).isTrue();
        }
    }

    @Nested
    class Listing {
        @Test
        void listsTheDevicesOfOneOwnerNotExpiredAtNowById() {
            Device second = insert(owned("2"));
            Device first = insert(owned("1"));
            insert(owned("3").expiresAt(LATER));
            Device fourth = insert(owned("4").expiresAt(LATER.plusMillis(1)));
            insert(aDevice().id(new DeviceId(prefix + "0")));

            assertThat(store.listByOwner(owner, Optional.empty(), LATER, ROOMY)).containsExactly(first, second, fourth);
        }

        @Test
        void pagesAnOwnersDevicesAfterAnIdAndUpToTheLimit() {
            Device first = insert(owned("1"));
            Device second = insert(owned("2"));
            Device third = insert(owned("3"));
            Device fourth = insert(owned("4"));

            assertThat(store.listByOwner(owner, Optional.empty(), NOW, 2)).containsExactly(first, second);
            assertThat(store.listByOwner(owner, Optional.of(second.id()), NOW, 2)).containsExactly(third, fourth);
            assertThat(store.listByOwner(owner, Optional.of(fourth.id()), NOW, 2)).isEmpty();
            assertThat(store.listByOwner(owner, Optional.of(new DeviceId(prefix + "2a")), NOW, 5))
                    .containsExactly(third, fourth);
        }

        @Test
        void listsEveryDeviceNotExpiredAtNowById() {
            Device mine = insert(owned("2"));
            Device theirs = insert(aDevice().id(new DeviceId(prefix + "1")).status(DeviceStatus.APPROVED));
            insert(aDevice().id(new DeviceId(prefix + "3")).expiresAt(LATER));

            assertThat(store.list(Optional.empty(), Optional.empty(), LATER, ROOMY)).containsExactly(theirs, mine);
        }

        @Test
        void listsTheDevicesOfOneStatus() {
            Device pending = insert(owned("1"));
            Device approved = insert(aDevice().id(new DeviceId(prefix + "2")).status(DeviceStatus.APPROVED));
            Device revoked = insert(aDevice().id(new DeviceId(prefix + "3")).revoked("admin:bob", "stolen"));
            Device alsoPending = insert(owned("4"));

            assertThat(store.list(Optional.of(DeviceStatus.PENDING), Optional.empty(), NOW, ROOMY))
                    .containsExactly(pending, alsoPending);
            assertThat(store.list(Optional.of(DeviceStatus.APPROVED), Optional.empty(), NOW, ROOMY))
                    .containsExactly(approved);
            assertThat(store.list(Optional.of(DeviceStatus.REVOKED), Optional.empty(), NOW, ROOMY))
                    .containsExactly(revoked);
        }

        @Test
        void pagesEveryDeviceAfterAnIdAndUpToTheLimit() {
            List<Device> devices = List.of(insert(owned("1")), insert(owned("2")), insert(owned("3")),
                    insert(owned("4")), insert(owned("5")));

            assertThat(store.list(Optional.empty(), Optional.empty(), NOW, 2))
                    .containsExactlyElementsOf(devices.subList(0, 2));
            assertThat(store.list(Optional.empty(), Optional.of(devices.get(1).id()), NOW, 2))
                    .containsExactlyElementsOf(devices.subList(2, 4));
            assertThat(store.list(Optional.of(DeviceStatus.PENDING), Optional.of(devices.get(3).id()), NOW, 2))
                    .containsExactly(devices.get(4));
        }

        @Test
        void countsTheDevicesOfOneOwnerNotExpiredAtNow() {
            insert(owned("1"));
            insert(owned("2").expiresAt(LATER.plusMillis(1)));
            insert(owned("3").expiresAt(LATER));
            insert(aDevice());

            assertThat(store.countByOwner(owner, LATER)).isEqualTo(2);
            assertThat(store.countByOwner(owner, NOW)).isEqualTo(3);
            assertThat(store.countByOwner(randomKeyId(), NOW)).isZero();
        }
    }

    @Nested
    class Sweeping {
        @Test
        void deletesTheDevicesExpiredAtNowAndCountsThem() {
            Device before = insert(aDevice().expiresAt(LATER.minusMillis(1)));
            Device atNow = insert(aDevice().expiresAt(LATER));
            Device after = insert(aDevice().expiresAt(LATER.plusMillis(1)));

            assertThat(store.deleteExpired(LATER)).isEqualTo(2);

            assertThat(store.find(before.id())).isEmpty();
            assertThat(store.find(atNow.id())).isEmpty();
            assertThat(store.find(after.id())).contains(after);
        }

        @Test
        void deletesEachDeviceOnlyOnce() {
            insert(aDevice().expiresAt(LATER));
            store.deleteExpired(LATER);

            assertThat(store.deleteExpired(LATER)).isZero();
        }

        @Test
        void deletesNothingWhenNothingExpired() {
            Device device = insert(aDevice());

            assertThat(store.deleteExpired(NOW)).isZero();
            assertThat(store.find(device.id())).contains(device);
        }
    }

    private Device insert(DeviceFixtures.Builder device) {
        Device built = device.build();
        assertThat(store.insert(built, NOW)).isTrue();
        return built;
    }

    /** A device of this test's owner whose id is this test's prefix and {@code suffix}. */
    private DeviceFixtures.Builder owned(String suffix) {
        return aDevice().ownedBy(owner).id(new DeviceId(prefix + suffix));
    }

    private static Device approved(Device device, Instant at) {
        return device.changed(device.displayName(), device.publicKey(), device.onion(), DeviceStatus.APPROVED,
                Optional.empty(), Optional.of("admin:alice"), at, device.expiresAt());
    }
}
