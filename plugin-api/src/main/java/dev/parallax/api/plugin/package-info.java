/**
 * The Parallax plugin model.
 *
 * <p>A plugin is an OSGi service whose component carries {@link dev.parallax.api.plugin.ParallaxPlugin}: an id,
 * the capability it contributes, a description and a licence. Its version is its bundle's version and its ABI
 * range is the one of the plugin API it was compiled against. The runtime's {@link
 * dev.parallax.api.plugin.PluginRegistry} finds plugins by capability, id and version range, chooses the highest
 * compatible version (ties broken by service ranking) and rejects a plugin built for another ABI, telling
 * {@link dev.parallax.api.plugin.PluginListener}s why.
 */
@Export
@Version("1.0.0")
package dev.parallax.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
