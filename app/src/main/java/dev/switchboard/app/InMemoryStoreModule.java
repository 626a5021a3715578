package dev.switchboard.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.switchboard.adapter.memory.InMemoryStorage;
import dev.switchboard.ports.driven.SignalingStorage;

/** Binds the storage ports to this JVM's memory: the default store, which needs nothing started. */
final class InMemoryStoreModule extends AbstractModule {

    @Provides
    @Singleton
    SignalingStorage storage() {
        return new InMemoryStorage();
    }
}
