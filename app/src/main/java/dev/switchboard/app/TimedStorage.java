package dev.switchboard.app;

import dev.switchboard.ports.driven.SignalingStorage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SignalingStorage} that times every call into its stores as {@code switchboard.store.latency}, tagged
 * with the store ({@code offers}, {@code credentials}, ...) and the operation (the port method). It wraps any
 * storage adapter with JDK dynamic proxies, one per store interface, so neither the domain nor the adapters
 * know about metrics, and a store method added to a port is timed without a change here.
 */
final class TimedStorage {
    static final String METER = "switchboard.store.latency";
    /** Buckets for percentiles without a series per default bucket: a store call is slow from about 50 ms on. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1)};

    private TimedStorage() {}

    /** {@code storage} with every store call timed in {@code registry}. */
    static SignalingStorage wrap(SignalingStorage storage, MeterRegistry registry) {
        return proxy(SignalingStorage.class, new StorageHandler(storage, registry));
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            // The store's own exception, unchanged, so callers see exactly what the adapter threw.
            throw e.getCause();
        }
    }

    /** Hands out a timed proxy of each store (made once), and times the storage's own calls such as health. */
    private static final class StorageHandler implements InvocationHandler {
        private final SignalingStorage storage;
        private final MeterRegistry registry;
        private final Map<Method, Object> stores = new ConcurrentHashMap<>();
        private final Map<Method, Timer> timers = new ConcurrentHashMap<>();

        StorageHandler(SignalingStorage storage, MeterRegistry registry) {
            this.storage = storage;
            this.registry = registry;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return TimedStorage.invoke(storage, method, args);
            }
            if (method.getParameterCount() == 0 && method.getReturnType().isInterface()) {
                return stores.computeIfAbsent(method, accessor -> timedStore(accessor));
            }
            return time(timer(timers, registry, "storage", method), storage, method, args);
        }

        private Object timedStore(Method accessor) {
            try {
                Object store = accessor.invoke(storage);
                return proxy(accessor.getReturnType(), new StoreHandler(store, accessor.getName(), registry));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot reach the " + accessor.getName() + " store", e);
            }
        }
    }

    /** Times each call of one store. */
    private static final class StoreHandler implements InvocationHandler {
        private final Object store;
        private final String name;
        private final MeterRegistry registry;
        private final Map<Method, Timer> timers = new ConcurrentHashMap<>();

        StoreHandler(Object store, String name, MeterRegistry registry) {
            this.store = store;
            this.name = name;
            this.registry = registry;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return TimedStorage.invoke(store, method, args);
            }
            return time(timer(timers, registry, name, method), store, method, args);
        }
    }

    /** The timer of {@code method}, registered on its first call; later calls allocate nothing to find it. */
    private static Timer timer(Map<Method, Timer> timers, MeterRegistry registry, String store, Method method) {
        Timer timer = timers.get(method);
        return timer != null ? timer : timers.computeIfAbsent(method, m -> timer(registry, store, m.getName()));
    }

    private static Timer timer(MeterRegistry registry, String store, String operation) {
        return Timer.builder(METER)
                .description("Time taken by one call into a store, including failed calls")
                .tag("store", store)
                .tag("operation", operation)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private static Object time(Timer timer, Object target, Method method, Object[] args) throws Throwable {
        long start = System.nanoTime();
        try {
            return invoke(target, method, args);
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
