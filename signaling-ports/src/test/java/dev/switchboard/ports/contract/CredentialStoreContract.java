package dev.switchboard.ports.contract;

import static dev.switchboard.ports.testing.OfferFixtures.NOW;
import static dev.switchboard.ports.testing.OfferFixtures.randomKeyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ports.driven.CredentialStore;
import dev.switchboard.ports.model.SealedSecret;
import dev.switchboard.ports.model.StoredCredential;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CredentialStore} must do; an adapter's test extends this and supplies the store. */
public abstract class CredentialStoreContract {
    private CredentialStore store;

    /** A store for one test. It may share its database with other tests: every credential id here is random. */
    protected abstract CredentialStore newStore();

    @BeforeEach
    final void openStore() {
        store = newStore();
    }

    @Test
    void findsASavedCredentialAsItWasSaved() {
        StoredCredential credential = credential(randomKeyId());

        store.save(credential);

        assertThat(store.find(credential.credentialId())).contains(credential);
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(store.find(randomKeyId())).isEmpty();
    }

    @Test
    void keepsCredentialsApartById() {
        StoredCredential first = credential(randomKeyId());
        StoredCredential second = credential(randomKeyId());

        store.save(first);
        store.save(second);

        assertThat(store.find(first.credentialId())).contains(first);
        assertThat(store.find(second.credentialId())).contains(second);
    }

    @Test
    void refusesASecondCredentialWithTheSameIdAndKeepsTheFirst() {
        String id = randomKeyId();
        StoredCredential original = credential(id);
        store.save(original);

        assertThatThrownBy(() -> store.save(credential(id))).isInstanceOf(RuntimeException.class);

        assertThat(store.find(id)).contains(original);
    }

    private static StoredCredential credential(String id) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] iv = new byte[12];
        byte[] ciphertext = new byte[48];
        random.nextBytes(iv);
        random.nextBytes(ciphertext);
        return new StoredCredential(id, new SealedSecret("mk-0123456789ab", iv, ciphertext), NOW);
    }
}
