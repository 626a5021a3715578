package dev.switchboard.adapter.postgres;

import static dev.switchboard.ports.testing.AuditFixtures.anEvent;
import static dev.switchboard.ports.testing.DeviceFixtures.NOW;
import static dev.switchboard.ports.testing.DeviceFixtures.aDevice;
import static dev.switchboard.ports.testing.DeviceFixtures.randomDeviceId;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ports.driven.AuditLog;
import dev.switchboard.ports.model.AuditEntry;
import dev.switchboard.ports.model.AuditEventType;
import dev.switchboard.ports.model.Device;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.DeviceStatus;
import dev.switchboard.ports.testing.AuditFixtures.RecordingChainLink;
import dev.switchboard.ports.testing.Race;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The races of the device registry and the audit log, decided by the database for two instances that share
 * it: every contender runs on its own pooled connection, half of them through each instance.
 */
class PostgresEnterpriseRacesTest extends TwoInstanceRaces {
    @Nested
    class WhenManyRegisterOneDeviceId {
        @Test
        void letsExactlyOneRegister() {
            DeviceId id = randomDeviceId();
            List<Device> contenders = IntStream.range(0, 40).mapToObj(i -> aDevice().id(id).build()).toList();

            List<Boolean> inserted = Race.run(contenders.size(), i -> instance(i).devices().insert(contenders.get(i), NOW));

            assertThat(inserted).containsOnlyOnce(true);
            assertThat(second.devices().find(id)).contains(contenders.get(inserted.indexOf(true)));
        }

        @Test
        void letsExactlyOneReplaceAnExpiredHolder() {
            DeviceId id = randomDeviceId();
            Device expired = aDevice().id(id).build();
            assertThat(first.devices().insert(expired, NOW)).isTrue();
            var later = expired.expiresAt();
            List<Device> contenders = IntStream.range(0, 40)
                    .mapToObj(i -> aDevice().id(id).registeredAt(later).build())
                    .toList();

            List<Boolean> inserted = Race.run(contenders.size(), i -> instance(i).devices().insert(contenders.get(i), later));

            assertThat(inserted).containsOnlyOnce(true);
            assertThat(second.devices().find(id)).contains(contenders.get(inserted.indexOf(true)));
        }
    }

    @Nested
    class WhenManyChangeOneDeviceFromTheSameRead {
        @Test
        void letsExactlyOneChangeWin() {
            Device device = aDevice().build();
            assertThat(first.devices().insert(device, NOW)).isTrue();
            List<Device> changes = IntStream.range(0, 40)
                    .mapToObj(i -> device.changed("Name " + i, device.publicKey(), device.onion(), DeviceStatus.APPROVED,
                            Optional.empty(), Optional.of("admin:ops"), NOW.plusSeconds(i), device.expiresAt()))
                    .toList();

            List<Boolean> updated = Race.run(changes.size(), i -> instance(i).devices().update(changes.get(i)));

            assertThat(updated).containsOnlyOnce(true);
            assertThat(second.devices().find(device.id())).contains(changes.get(updated.indexOf(true)));
            assertThat(first.devices().delete(device.id(), 1)).as("the first version is gone").isFalse();
            assertThat(first.devices().delete(device.id(), 2)).isTrue();
        }
    }

    @Nested
    class WhenBothInstancesAppendToTheAuditLog {
        @Test
        void formOneUnbrokenChainHoldingEveryEntryOnce() {
            TestDatabase.emptyAuditLog();
            RecordingChainLink link = new RecordingChainLink();
            List<String> actors = IntStream.range(0, 200).mapToObj(i -> randomKeyId()).toList();

            List<AuditEntry> appended = Race.run(actors.size(), i -> instance(i).auditLog().append(anEvent(
                    AuditEventType.values()[i % AuditEventType.values().length]).by(actors.get(i))
                    .at(NOW.plus(Duration.ofMillis(i))).attribute("n", Integer.toString(i)).build(), link));

            List<AuditEntry> chain = second.auditLog().readAfter(0, 1000);
            assertThat(chain).containsExactlyInAnyOrderElementsOf(appended);
            String previous = AuditLog.GENESIS;
            for (int i = 0; i < chain.size(); i++) {
                AuditEntry entry = chain.get(i);
                assertThat(entry.sequence()).isEqualTo(i + 1);
                assertThat(entry.previousHash()).isEqualTo(previous);
                assertThat(entry.hash()).isEqualTo(new RecordingChainLink()
                        .hash(entry.sequence(), entry.event(), entry.previousHash()));
                previous = entry.hash();
            }
            assertThat(link.calls()).hasSize(actors.size());
        }
    }
}
