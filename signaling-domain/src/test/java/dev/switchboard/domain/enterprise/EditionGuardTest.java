package dev.switchboard.domain.enterprise;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.EnterpriseUseCases;
import dev.switchboard.ports.driving.ListDevices;
import dev.switchboard.ports.driving.RegisterDevice;
import dev.switchboard.ports.driving.UpdateDevice;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.AuditQuery;
import dev.switchboard.ports.model.DeviceId;
import dev.switchboard.ports.model.Edition;
import dev.switchboard.ports.model.EditionInfo;
import dev.switchboard.ports.model.Feature;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EditionGuardTest {
    private static final DeviceId LAPTOP = new DeviceId("laptop");
    private static final Actor.Admin ADMIN = new Actor.Admin("token");
    private static final Actor OWNER = new Actor.User(ALICE);

    private static RegisterDevice.Request registration() {
        return new RegisterDevice.Request(LAPTOP, "Alice's laptop", new byte[32], Optional.empty(), Optional.empty());
    }

    @Nested
    class OnAConsumerServer {
        private final TestCore core = new TestCore();
        private final EnterpriseUseCases enterprise = core.enterpriseUseCases();

        @Test
        void describesItselfAsConsumerWithoutAnAdminSurface() {
            assertThat(enterprise.describeEdition().describe()).isEqualTo(new EditionInfo(Edition.CONSUMER,
                    Set.of(Feature.OFFERS, Feature.PAIRING, Feature.TRANSFER_RELAY), false));
        }

        @Test
        void refusesToRegisterADeviceAndStoresNothing() {
            assertRefused(ErrorCode.FEATURE_NOT_IN_EDITION, () -> enterprise.registerDevice().register(ALICE, registration()));

            assertThat(core.storage.devices().find(LAPTOP)).isEmpty();
        }

        @Test
        void refusesEveryOtherDeviceUseCase() {
            UpdateDevice.Changes rename = new UpdateDevice.Changes(Optional.of("x"), Optional.empty(), Optional.empty(),
                    Optional.empty());

            assertRefused(ErrorCode.FEATURE_NOT_IN_EDITION, () -> enterprise.updateDevice().update(OWNER, LAPTOP, rename));
            assertRefused(ErrorCode.FEATURE_NOT_IN_EDITION, () -> enterprise.removeDevice().remove(OWNER, LAPTOP));
            assertRefused(ErrorCode.FEATURE_NOT_IN_EDITION, () -> enterprise.listDevices().list(OWNER,
                    new ListDevices.Query(Optional.empty(), Optional.empty(), Optional.empty(), 10)));
            assertRefused(ErrorCode.FEATURE_NOT_IN_EDITION, () -> enterprise.reviewDevice().approve(ADMIN, LAPTOP));
            assertRefused(ErrorCode.FEATURE_NOT_IN_EDITION, () -> enterprise.reviewDevice().revoke(ADMIN, LAPTOP, "lost"));
        }

        @Test
        void refusesTheAuditLog() {
            assertRefused(ErrorCode.FEATURE_NOT_IN_EDITION, () -> enterprise.queryAuditLog().query(ADMIN,
                    new AuditQuery(Optional.empty(), Optional.empty(), Set.of(), 0, 10)));
            assertRefused(ErrorCode.FEATURE_NOT_IN_EDITION, () -> enterprise.verifyAuditLog().verify(ADMIN));
        }

        @Test
        void refusesBeforeLookingAtTheRequest() {
            // Even a request that would fail validation is refused for the edition first.
            RegisterDevice.Request nameless = new RegisterDevice.Request(LAPTOP, "", new byte[0], Optional.empty(),
                    Optional.empty());

            assertRefused(ErrorCode.FEATURE_NOT_IN_EDITION, () -> enterprise.registerDevice().register(ALICE, nameless));
        }
    }

    @Nested
    class OnAnEnterpriseServer {
        private final EnterpriseUseCases enterprise = TestCore.enterprise().enterpriseUseCases();

        @Test
        void describesEveryFeatureAndTheAdminSurface() {
            assertThat(enterprise.describeEdition().describe()).isEqualTo(
                    new EditionInfo(Edition.ENTERPRISE, Set.of(Feature.values()), true));
        }

        @Test
        void runsTheEnterpriseUseCases() {
            assertThat(enterprise.registerDevice().register(ALICE, registration()).id()).isEqualTo(LAPTOP);
            assertThat(enterprise.verifyAuditLog().verify(ADMIN).intact()).isTrue();
        }
    }
}
