package dev.parallax.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class PluginDescriptorTest {
    private static final VersionRange ABI = new VersionRange(Abi.RANGE);

    @ParameterizedTest
    @ValueSource(strings = {"threshold", "a", "7zip", "vector-store", "glob_set", "org.example.kernel"})
    void validName_isAccepted(String name) {
        assertTrue(PluginDescriptor.isValidName(name));
        assertEquals(name, new PluginDescriptor(name, Version.emptyVersion, name, ABI, null, null).id());
    }

    // Upper case, spaces, a leading separator and the empty string are the mistakes people actually make.
    @ParameterizedTest
    @ValueSource(strings = {"", "Threshold", "tile size", "-glob", ".hidden", "ünï"})
    void invalidId_isRefusedNamingValueAndRule(String id) {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> new PluginDescriptor(id, Version.emptyVersion, "greeter", ABI, "", ""));
        assertEquals(
                "Plugin id '" + id + "' is invalid: use lowercase letters, digits, '.', '-' and '_', starting with a"
                        + " letter or digit",
                error.getMessage());
    }

    @Test
    void nullId_isRefused() {
        assertFalse(PluginDescriptor.isValidName(null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PluginDescriptor(null, Version.emptyVersion, "greeter", ABI, "", ""));
    }

    @Test
    void invalidCapability_isRefusedNamingIt() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> new PluginDescriptor("hello", Version.emptyVersion, "Greeter", ABI, "", ""));
        assertTrue(error.getMessage().startsWith("Plugin capability 'Greeter' is invalid"), error.getMessage());
    }

    @Test
    void missingAbi_isRefusedNamingThePlugin() {
        NullPointerException error = assertThrows(
                NullPointerException.class,
                () -> new PluginDescriptor("hello", Version.emptyVersion, "greeter", null, "", ""));
        assertEquals("Plugin 'hello' declares no ABI range", error.getMessage());
    }

    @Test
    void absentDescriptionAndLicence_becomeEmpty() {
        PluginDescriptor descriptor = new PluginDescriptor("hello", Version.emptyVersion, "greeter", ABI, null, null);
        assertEquals("", descriptor.description());
        assertEquals("", descriptor.license());
    }
}
