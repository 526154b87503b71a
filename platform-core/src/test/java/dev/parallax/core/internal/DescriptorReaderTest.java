package dev.parallax.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parallax.api.plugin.Abi;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginProperties;
import dev.parallax.api.plugin.Rejection;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Version;

class DescriptorReaderTest {
    private static final ServiceOrigin ORIGIN =
            new ServiceOrigin(12, "org.example.hello", Version.parseVersion("1.4.2"), 77, 3);

    private static Map<String, Object> declaration() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PluginProperties.ID, "hello");
        properties.put(PluginProperties.CAPABILITY, "greeter");
        properties.put(PluginProperties.ABI, Abi.RANGE);
        properties.put(PluginProperties.DESCRIPTION, "Says hello");
        properties.put(PluginProperties.LICENSE, "Apache-2.0");
        return properties;
    }

    private static Rejection rejection(Map<String, Object> properties) {
        DescriptorReader.Outcome outcome = DescriptorReader.read(properties::get, ORIGIN);
        assertNull(outcome.plugin());
        return outcome.rejection();
    }

    @Test
    void completeDeclaration_isAcceptedWithTheBundleVersion() {
        PluginInfo plugin = DescriptorReader.read(declaration()::get, ORIGIN).plugin();
        assertEquals("hello 1.4.2 (greeter) from org.example.hello [12]", plugin.toString());
        assertEquals("Says hello", plugin.descriptor().description());
        assertEquals(77, plugin.serviceId());
        assertEquals(3, plugin.ranking());
    }

    @Test
    void declaredVersion_overridesTheBundleVersion() {
        Map<String, Object> properties = declaration();
        properties.put(PluginProperties.VERSION, "2.0.0.beta");
        assertEquals(
                Version.parseVersion("2.0.0.beta"),
                DescriptorReader.read(properties::get, ORIGIN).plugin().version());
    }

    // Ranges that include 1.0.0 from both sides of its edges: a plugin built for 1.0 and one for any 1.x.
    @ParameterizedTest
    @ValueSource(strings = {"[1.0.0,2.0.0)", "[1.0,1.1)", "[0.9,1.0.0]", "1.0"})
    void abiRangeThatIncludesTheRuntime_isAccepted(String range) {
        Map<String, Object> properties = declaration();
        properties.put(PluginProperties.ABI, range);
        assertEquals(
                "hello", DescriptorReader.read(properties::get, ORIGIN).plugin().id());
    }

    @Test
    void abiMajorMismatch_isRejectedNamingPluginRangeRuntimeAndFix() {
        Map<String, Object> properties = declaration();
        properties.put(PluginProperties.ABI, "[2.0.0,3.0.0)");
        Rejection rejection = rejection(properties);
        assertEquals("hello", rejection.pluginId());
        assertEquals(12, rejection.bundleId());
        assertEquals(
                "Plugin 'hello' 1.4.2 (service 77 of bundle org.example.hello 1.4.2) was built for Parallax ABI"
                        + " [2.0.0,3.0.0), but this runtime provides ABI 1.0.0.",
                rejection.reason());
        assertEquals(
                "Rebuild the plugin against plugin-api 1.x (ABI [1.0.0,2.0.0)), or run it on a Parallax runtime"
                        + " whose ABI is in [2.0.0,3.0.0).",
                rejection.fix());
    }

    @Test
    void pluginBuiltForNewerMinor_isRejected() {
        Map<String, Object> properties = declaration();
        properties.put(PluginProperties.ABI, "[1.1.0,2.0.0)");
        assertEquals(
                "Plugin 'hello' 1.4.2 (service 77 of bundle org.example.hello 1.4.2) was built for Parallax ABI"
                        + " [1.1.0,2.0.0), but this runtime provides ABI 1.0.0.",
                rejection(properties).reason());
    }

    @Test
    void missingAbi_isRejectedWithTheAnnotationAsFix() {
        Map<String, Object> properties = declaration();
        properties.remove(PluginProperties.ABI);
        Rejection rejection = rejection(properties);
        assertEquals(
                "Plugin 'hello' (service 77 of bundle org.example.hello 1.4.2) declares no ABI range; this runtime"
                        + " provides ABI 1.0.0.",
                rejection.reason());
        assertEquals(
                "Annotate the component with @ParallaxPlugin (plugin-api 1.x), or set the service property"
                        + " parallax.plugin.abi to [1.0.0,2.0.0).",
                rejection.fix());
    }

    @Test
    void malformedAbi_isRejectedNamingTheValue() {
        Map<String, Object> properties = declaration();
        properties.put(PluginProperties.ABI, "1.x");
        assertEquals(
                "Plugin 'hello' (service 77 of bundle org.example.hello 1.4.2) declares ABI range '1.x', which is not"
                        + " an OSGi version range such as [1.0.0,2.0.0).",
                rejection(properties).reason());
    }

    @Test
    void missingOrInvalidIdAndCapability_areRejected() {
        Map<String, Object> noId = declaration();
        noId.remove(PluginProperties.ID);
        assertEquals("", rejection(noId).pluginId());
        assertEquals(
                "A plugin service (service 77 of bundle org.example.hello 1.4.2) declares no id.",
                rejection(noId).reason());

        Map<String, Object> badId = declaration();
        badId.put(PluginProperties.ID, "Hello World");
        assertEquals(
                "Plugin id 'Hello World' (service 77 of bundle org.example.hello 1.4.2) is invalid: use lowercase"
                        + " letters, digits, '.', '-' and '_', starting with a letter or digit.",
                rejection(badId).reason());

        Map<String, Object> noCapability = declaration();
        noCapability.remove(PluginProperties.CAPABILITY);
        assertEquals(
                "Plugin 'hello' (service 77 of bundle org.example.hello 1.4.2) declares capability 'null', which is"
                        + " invalid: use lowercase letters, digits, '.', '-' and '_', starting with a letter or digit.",
                rejection(noCapability).reason());
    }

    @Test
    void malformedVersion_isRejectedNamingIt() {
        Map<String, Object> properties = declaration();
        properties.put(PluginProperties.VERSION, "one");
        assertEquals(
                "Plugin 'hello' (service 77 of bundle org.example.hello 1.4.2) declares version 'one', which is not an"
                        + " OSGi version (major.minor.micro.qualifier).",
                rejection(properties).reason());
    }

    @Test
    void singleElementArray_countsAsItsElement() {
        Map<String, Object> properties = declaration();
        properties.put(PluginProperties.ID, new String[] {"hello"});
        assertEquals(
                "hello", DescriptorReader.read(properties::get, ORIGIN).plugin().id());
    }
}
