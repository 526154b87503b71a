package dev.parallax.api.plugin;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The service properties that make a service a Parallax plugin.
 *
 * <p>{@link ParallaxPlugin} writes them for a Declarative Services component; code that registers a plugin service
 * by hand sets them itself. Only {@link #ID} and {@link #CAPABILITY} are required; {@link #ABI} defaults to nothing,
 * which the registry rejects, so a hand-registered plugin must say which ABI it was built for.
 *
 * <p>Constants only: nobody implements this interface. It is a provider type so that adding a constant is a minor
 * change.
 */
@ProviderType
public interface PluginProperties {
    /** The plugin id: lowercase letters, digits, '.', '-' and '_', starting with a letter or digit. */
    String ID = "parallax.plugin.id";

    /** The name of the capability the plugin contributes, in the same alphabet as the id. */
    String CAPABILITY = "parallax.plugin.capability";

    /** The ABI range the plugin was built for, an OSGi version range such as {@code [1.0.0,2.0.0)}. */
    String ABI = "parallax.plugin.abi";

    /** Optional: the plugin version. Defaults to the version of the bundle that registers the service. */
    String VERSION = "parallax.plugin.version";

    /** Optional: one line saying what the plugin does. */
    String DESCRIPTION = "parallax.plugin.description";

    /** Optional: the plugin's licence, as an SPDX expression. */
    String LICENSE = "parallax.plugin.license";
}
