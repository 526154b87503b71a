package dev.parallax.api.plugin;

import java.util.Objects;
import java.util.regex.Pattern;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * How a plugin declares itself.
 *
 * @param id the plugin id, unique per plugin across versions
 * @param version the plugin version (its bundle's, unless the service says otherwise)
 * @param capability the capability the plugin contributes
 * @param abi the ABI range the plugin was built for
 * @param description one line saying what the plugin does, possibly empty
 * @param license the plugin's licence as an SPDX expression, possibly empty
 */
public record PluginDescriptor(
        String id, Version version, String capability, VersionRange abi, String description, String license) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** The rule a plugin id and a capability name follow, as said in error messages. */
    public static final String NAME_RULE =
            "lowercase letters, digits, '.', '-' and '_', starting with a letter or digit";

    /**
     * Checks every field.
     *
     * @throws IllegalArgumentException naming the field, the bad value and the rule
     */
    public PluginDescriptor {
        checkName("id", id);
        checkName("capability", capability);
        Objects.requireNonNull(version, "Plugin '" + id + "' has no version");
        Objects.requireNonNull(abi, "Plugin '" + id + "' declares no ABI range");
        description = description == null ? "" : description;
        license = license == null ? "" : license;
    }

    /** Tells whether {@code name} is a valid plugin id or capability name. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    private static void checkName(String field, String value) {
        if (!isValidName(value)) {
            throw new IllegalArgumentException("Plugin " + field + " '" + value + "' is invalid: use " + NAME_RULE);
        }
    }
}
