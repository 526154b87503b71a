package dev.parallax.api.plugin;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Explains why a bundle does not resolve or why its plugins were rejected, on one screen: what it requires, what
 * the runtime has instead, and what to change.
 *
 * <p>A provider type: only the runtime implements it.
 */
@ProviderType
public interface Diagnostics {
    /**
     * Diagnoses one bundle.
     *
     * @param bundleId the bundle's id
     * @throws IllegalArgumentException if no bundle has that id
     */
    Diagnosis diagnose(long bundleId);
}
