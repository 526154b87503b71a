package dev.parallax.core.internal;

import dev.parallax.api.plugin.Abi;
import dev.parallax.api.plugin.PluginDescriptor;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginProperties;
import dev.parallax.api.plugin.Rejection;
import java.util.function.Function;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Reads a plugin's declaration from its service properties and checks it against the runtime's ABI: the run-time
 * ABI check. Every refusal names the plugin, the bad value and the rule, and says what to change.
 */
final class DescriptorReader {
    /** The ABI this runtime provides: the one of the plugin API it was compiled against. */
    static final Version RUNTIME_ABI = Version.parseVersion(Abi.VERSION);

    private static final String ANNOTATE = "Annotate the component with @ParallaxPlugin (plugin-api "
            + RUNTIME_ABI.getMajor() + ".x), or set the service property ";

    /** The outcome of reading a declaration: a plugin, or else a rejection. */
    record Outcome(PluginInfo plugin, Rejection rejection) {}

    private DescriptorReader() {}

    /**
     * Reads the declaration.
     *
     * @param properties the service's properties by name
     * @param origin the service's bundle, id and ranking
     */
    static Outcome read(Function<String, Object> properties, ServiceOrigin origin) {
        String id = string(properties.apply(PluginProperties.ID));
        if (id == null) {
            return rejected(
                    "",
                    origin,
                    "A plugin service" + where(origin) + " declares no id.",
                    ANNOTATE + PluginProperties.ID + ".");
        }
        if (!PluginDescriptor.isValidName(id)) {
            return rejected(
                    id,
                    origin,
                    "Plugin id '" + id + "'" + where(origin) + " is invalid: use " + PluginDescriptor.NAME_RULE + ".",
                    "Change the id in @ParallaxPlugin.");
        }
        String capability = string(properties.apply(PluginProperties.CAPABILITY));
        if (!PluginDescriptor.isValidName(capability)) {
            return rejected(
                    id,
                    origin,
                    label(id, origin) + " declares capability '" + capability + "', which is invalid: use "
                            + PluginDescriptor.NAME_RULE + ".",
                    "Set the capability in @ParallaxPlugin.");
        }
        Object declaredAbi = properties.apply(PluginProperties.ABI);
        if (declaredAbi == null) {
            return rejected(
                    id,
                    origin,
                    label(id, origin) + " declares no ABI range; this runtime provides ABI " + RUNTIME_ABI + ".",
                    ANNOTATE + PluginProperties.ABI + " to " + Abi.RANGE + ".");
        }
        VersionRange abi;
        try {
            abi = VersionRange.valueOf(String.valueOf(declaredAbi).trim());
        } catch (IllegalArgumentException e) {
            return rejected(
                    id,
                    origin,
                    label(id, origin) + " declares ABI range '" + declaredAbi
                            + "', which is not an OSGi version range such as " + Abi.RANGE + ".",
                    ANNOTATE + PluginProperties.ABI + " to " + Abi.RANGE + ".");
        }
        Version version;
        try {
            version = version(properties.apply(PluginProperties.VERSION), origin.bundleVersion());
        } catch (IllegalArgumentException e) {
            return rejected(
                    id,
                    origin,
                    label(id, origin) + " declares version '" + properties.apply(PluginProperties.VERSION)
                            + "', which is not an OSGi version (major.minor.micro.qualifier).",
                    "Remove " + PluginProperties.VERSION + " to use the bundle version, or correct it.");
        }
        if (!abi.includes(RUNTIME_ABI)) {
            return rejected(
                    id,
                    origin,
                    "Plugin '" + id + "' " + version + where(origin) + " was built for Parallax ABI " + abi
                            + ", but this runtime provides ABI " + RUNTIME_ABI + ".",
                    "Rebuild the plugin against plugin-api " + RUNTIME_ABI.getMajor() + ".x (ABI " + Abi.RANGE
                            + "), or run it on a Parallax runtime whose ABI is in " + abi + ".");
        }
        PluginDescriptor descriptor = new PluginDescriptor(
                id,
                version,
                capability,
                abi,
                string(properties.apply(PluginProperties.DESCRIPTION)),
                string(properties.apply(PluginProperties.LICENSE)));
        return new Outcome(
                new PluginInfo(
                        descriptor,
                        origin.bundleId(),
                        origin.bundleSymbolicName(),
                        origin.serviceId(),
                        origin.ranking()),
                null);
    }

    /** How a message names the plugin: its id and where it comes from. */
    private static String label(String id, ServiceOrigin origin) {
        return "Plugin '" + id + "'" + where(origin);
    }

    private static String where(ServiceOrigin origin) {
        return " (service " + origin.serviceId() + " of bundle " + origin.bundle() + ")";
    }

    private static Outcome rejected(String id, ServiceOrigin origin, String reason, String fix) {
        return new Outcome(
                null, new Rejection(id, origin.bundleId(), origin.bundle(), origin.serviceId(), reason, fix));
    }

    private static Version version(Object declared, Version bundleVersion) {
        if (declared == null) {
            return bundleVersion;
        }
        return declared instanceof Version v
                ? v
                : Version.parseVersion(String.valueOf(declared).trim());
    }

    /** A string property; a one-element array counts as its element, anything else as absent. */
    private static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof String[] array && array.length == 1) {
            return array[0];
        }
        return null;
    }
}
