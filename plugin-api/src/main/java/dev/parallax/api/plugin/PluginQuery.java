package dev.parallax.api.plugin;

import org.osgi.framework.VersionRange;

/**
 * What to look for in the registry. Every criterion is optional: {@code null} matches anything.
 *
 * <pre>{@code
 * registry.best(PluginQuery.capability("greeter").withVersions("[1.0,2.0)"));
 * }</pre>
 *
 * @param capability the capability name, or {@code null}
 * @param id the plugin id, or {@code null}
 * @param versions the acceptable plugin versions, or {@code null}
 */
public record PluginQuery(String capability, String id, VersionRange versions) {

    /** Matches every plugin. */
    public static PluginQuery all() {
        return new PluginQuery(null, null, null);
    }

    /** Matches the plugins that contribute {@code capability}. */
    public static PluginQuery capability(String capability) {
        return new PluginQuery(capability, null, null);
    }

    /** Matches the plugins whose id is {@code id}. */
    public static PluginQuery id(String id) {
        return new PluginQuery(null, id, null);
    }

    /** This query restricted to the plugin ids equal to {@code id}. */
    public PluginQuery withId(String id) {
        return new PluginQuery(capability, id, versions);
    }

    /**
     * This query restricted to plugin versions in {@code range}.
     *
     * @param range an OSGi version range such as {@code [1.0,2.0)}, or a single version meaning "at least"
     * @throws IllegalArgumentException if the range is malformed, naming it
     */
    public PluginQuery withVersions(String range) {
        try {
            return new PluginQuery(capability, id, VersionRange.valueOf(range));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Version range '" + range
                            + "' is invalid: write [1.0,2.0), (1.0,2.0] or 1.0 (meaning 1.0 or later)",
                    e);
        }
    }

    /** Tells whether {@code plugin} meets every criterion of this query. */
    public boolean matches(PluginDescriptor plugin) {
        return (capability == null || capability.equals(plugin.capability()))
                && (id == null || id.equals(plugin.id()))
                && (versions == null || versions.includes(plugin.version()));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (capability != null) {
            text.append("capability '").append(capability).append('\'');
        }
        if (id != null) {
            text.append(text.isEmpty() ? "" : ", ").append("id '").append(id).append('\'');
        }
        if (versions != null) {
            text.append(text.isEmpty() ? "" : ", ").append("version ").append(versions);
        }
        return text.isEmpty() ? "any plugin" : text.toString();
    }
}
