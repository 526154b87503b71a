package dev.parallax.api.plugin;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The Parallax ABI: the contract between the runtime and the plugins built for it.
 *
 * <p>The runtime provides the OSGi capability {@code parallax.abi;parallax.abi=parallax;version:Version=1.0.0}.
 * A plugin compiled against this plugin API requires {@code [1.0.0,2.0.0)} of it (see {@link ParallaxPlugin}),
 * so the framework refuses to resolve a plugin built for another major version, and the registry checks the
 * declared range again when the plugin's service appears. A minor version adds to the contract without breaking
 * plugins built for an earlier minor; a major version breaks them.
 *
 * <p>Constants only: nobody implements this interface. It is a provider type so that adding a constant is a minor
 * change.
 */
@ProviderType
public interface Abi {
    /** The namespace of the ABI capability. */
    String NAMESPACE = "parallax.abi";

    /** The value of the namespace attribute of the ABI capability. */
    String NAME = "parallax";

    /** The ABI version of this plugin API: what the runtime provides and what a plugin built with it requires. */
    String VERSION = "1.0.0";

    /** The ABI versions a plugin compiled against this plugin API runs on: this version up to the next major. */
    String RANGE = "[1.0.0,2.0.0)";
}
