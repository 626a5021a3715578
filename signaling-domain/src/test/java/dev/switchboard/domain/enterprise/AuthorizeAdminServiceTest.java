package dev.switchboard.domain.enterprise;

import static dev.switchboard.domain.Refusals.assertRefused;
import static dev.switchboard.domain.TestCore.ADMIN_KEY;
import static dev.switchboard.domain.TestCore.ADMIN_TOKEN;
import static dev.switchboard.domain.TestCore.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.domain.EnterprisePolicy;
import dev.switchboard.domain.TestCore;
import dev.switchboard.ports.ErrorCode;
import dev.switchboard.ports.driving.AuthorizeAdmin;
import dev.switchboard.ports.driving.AuthorizeAdmin.AdminCredential;
import dev.switchboard.ports.model.Actor;
import dev.switchboard.ports.model.Edition;
import dev.switchboard.ports.model.Identity;
import dev.switchboard.ports.model.SignatureAlgorithm;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuthorizeAdminServiceTest {

    @Nested
    class WhenAdminCredentialsAreConfigured {
        private final AuthorizeAdmin gate = new AuthorizeAdminService(TestCore.enterpriseEdition());

        @Test
        void admitsTheBearerTokenAsTheTokenAdmin() {
            assertThat(gate.enabled()).isTrue();
            assertThat(gate.authorize(new AdminCredential.BearerToken(ADMIN_TOKEN))).isEqualTo(new Actor.Admin("token"));
        }

        @Test
        void refusesAnyOtherBearerToken() {
            assertRefused(ErrorCode.ADMIN_REQUIRED,
                    () -> gate.authorize(new AdminCredential.BearerToken(ADMIN_TOKEN + "x")));
            assertRefused(ErrorCode.ADMIN_REQUIRED, () -> gate.authorize(new AdminCredential.BearerToken("")));
        }

        @Test
        void admitsASignatureByAnAdminKeyAsThatKey() {
            assertThat(gate.authorize(new AdminCredential.Signed(ADMIN_KEY))).isEqualTo(new Actor.Admin(ADMIN_KEY.keyId()));
        }

        @Test
        void refusesASignatureByAnyOtherKey() {
            assertRefused(ErrorCode.ADMIN_REQUIRED, () -> gate.authorize(new AdminCredential.Signed(ALICE)));
        }

        @Test
        void neverAdmitsAnHmacCredentialEvenUnderAnAdminKeyId() {
            Identity hmac = new Identity(SignatureAlgorithm.HMAC_SHA256, ADMIN_KEY.keyId());

            assertRefused(ErrorCode.ADMIN_REQUIRED, () -> gate.authorize(new AdminCredential.Signed(hmac)));
        }

        @Test
        void refusesACallerWhoPresentsNothing() {
            assertRefused(ErrorCode.ADMIN_REQUIRED, () -> gate.authorize(new AdminCredential.None()));
            assertRefused(ErrorCode.ADMIN_REQUIRED, () -> gate.authorize(null));
        }
    }

    @Nested
    class WhenOnlyAdminKeysAreConfigured {
        private final AuthorizeAdmin gate = new AuthorizeAdminService(EnterprisePolicy.consumer()
                .withEdition(Edition.ENTERPRISE, Optional.empty(), Set.of(ADMIN_KEY.keyId())));

        @Test
        void refusesEveryBearerToken() {
            assertRefused(ErrorCode.ADMIN_REQUIRED,
                    () -> gate.authorize(new AdminCredential.BearerToken(ADMIN_TOKEN)));
        }
    }

    @Nested
    class WhenNoAdminCredentialIsConfigured {
        private final AuthorizeAdmin gate = new AuthorizeAdminService(EnterprisePolicy.consumer());

        @Test
        void hidesTheAdminSurfaceAltogether() {
            assertThat(gate.enabled()).isFalse();
            assertRefused(ErrorCode.NOT_FOUND, () -> gate.authorize(new AdminCredential.BearerToken(ADMIN_TOKEN)));
            assertRefused(ErrorCode.NOT_FOUND, () -> gate.authorize(new AdminCredential.Signed(ADMIN_KEY)));
            assertRefused(ErrorCode.NOT_FOUND, () -> gate.authorize(new AdminCredential.None()));
        }
    }
}
