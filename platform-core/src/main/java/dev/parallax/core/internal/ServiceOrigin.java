package dev.parallax.core.internal;

import org.osgi.framework.Version;

/**
 * Where a service comes from: what the registry knows of it besides its plugin properties.
 *
 * @param bundleId the registering bundle's id
 * @param bundleSymbolicName its symbolic name
 * @param bundleVersion its version
 * @param serviceId the service's {@code service.id}
 * @param ranking the service's {@code service.ranking}
 */
record ServiceOrigin(long bundleId, String bundleSymbolicName, Version bundleVersion, long serviceId, int ranking) {

    /** {@code bsn version}, as messages name a bundle. */
    String bundle() {
        return bundleSymbolicName + " " + bundleVersion;
    }
}
