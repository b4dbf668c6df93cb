package org.liosmis.cimom;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.liosmis.spi.AssociationProvider;
import org.liosmis.spi.InstanceProvider;
import org.liosmis.spi.MethodProvider;
import org.liosmis.spi.ObjectPaths;

/**
 * Which provider serves which class in which namespace. A provider object is registered
 * once per class and is filed under every SPI interface it implements.
 */
public final class ProviderRegistry {

    private record Key(String namespace, String className) {
        static Key of(String namespace, String className) {
            return new Key(ObjectPaths.normalisedNamespace(namespace), className.toLowerCase(Locale.ROOT));
        }
    }

    private final Map<Key, InstanceProvider> instanceProviders = new ConcurrentHashMap<>();
    private final Map<Key, MethodProvider> methodProviders = new ConcurrentHashMap<>();

    /** Registers provider for className in each namespace; it must implement at least one SPI. */
    public ProviderRegistry register(String className, Object provider, Set<String> namespaces) {
        boolean served = false;
        for (String namespace : namespaces) {
            Key key = Key.of(namespace, className);
            if (provider instanceof InstanceProvider instances) {
                claim(instanceProviders, key, instances);
                served = true;
            }
            if (provider instanceof MethodProvider methods) {
                claim(methodProviders, key, methods);
                served = true;
            }
        }
        if (!served) {
            throw new IllegalArgumentException(provider.getClass().getName() + " implements no provider interface");
        }
        return this;
    }

    private static <P> void claim(Map<Key, P> map, Key key, P provider) {
        if (map.putIfAbsent(key, provider) != null) {
            throw new IllegalStateException("a provider is already registered for " + key);
        }
    }

    public Optional<InstanceProvider> instanceProvider(String namespace, String className) {
        return Optional.ofNullable(instanceProviders.get(Key.of(namespace, className)));
    }

    public Optional<AssociationProvider> associationProvider(String namespace, String className) {
        return instanceProvider(namespace, className)
                .filter(AssociationProvider.class::isInstance).map(AssociationProvider.class::cast);
    }

    public Optional<MethodProvider> methodProvider(String namespace, String className) {
        return Optional.ofNullable(methodProviders.get(Key.of(namespace, className)));
    }
}
