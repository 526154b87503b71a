package dev.parallax.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class PluginQueryTest {
    private static PluginDescriptor plugin(String id, String version, String capability) {
        return new PluginDescriptor(id, Version.parseVersion(version), capability, new VersionRange(Abi.RANGE), "", "");
    }

    @Test
    void emptyQuery_matchesEverything() {
        assertTrue(PluginQuery.all().matches(plugin("hello", "1.0.0", "greeter")));
        assertEquals("any plugin", PluginQuery.all().toString());
    }

    @Test
    void everyCriterion_mustHold() {
        PluginQuery query = PluginQuery.capability("greeter").withId("hello").withVersions("[1.0,2.0)");
        assertTrue(query.matches(plugin("hello", "1.5.0", "greeter")));
        assertFalse(query.matches(plugin("hello", "2.0.0", "greeter")), "the ceiling is excluded");
        assertFalse(query.matches(plugin("hola", "1.5.0", "greeter")));
        assertFalse(query.matches(plugin("hello", "1.5.0", "embedder")));
        assertEquals("capability 'greeter', id 'hello', version [1.0.0,2.0.0)", query.toString());
    }

    @Test
    void singleVersion_meansThatVersionOrLater() {
        PluginQuery query = PluginQuery.id("hello").withVersions("1.1");
        assertFalse(query.matches(plugin("hello", "1.0.9", "greeter")));
        assertTrue(query.matches(plugin("hello", "7.0.0", "greeter")));
    }

    @Test
    void malformedRange_isRefusedNamingItAndTheForms() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> PluginQuery.id("hello").withVersions("[1.0,"));
        assertEquals(
                "Version range '[1.0,' is invalid: write [1.0,2.0), (1.0,2.0] or 1.0 (meaning 1.0 or later)",
                error.getMessage());
    }

    @Test
    void bestFirst_ordersByVersionThenRankingThenServiceId() {
        PluginInfo old = new PluginInfo(plugin("hello", "1.0.0", "greeter"), 1, "a", 10, 100);
        PluginInfo newest = new PluginInfo(plugin("hello", "1.1.0", "greeter"), 2, "b", 11, 0);
        PluginInfo newestRanked = new PluginInfo(plugin("hello", "1.1.0", "greeter"), 3, "c", 12, 5);
        PluginInfo newestRankedLater = new PluginInfo(plugin("hello", "1.1.0", "greeter"), 4, "d", 13, 5);
        List<PluginInfo> sorted = List.of(old, newestRankedLater, newest, newestRanked).stream()
                .sorted(PluginInfo.BEST_FIRST)
                .toList();
        assertEquals(List.of(newestRanked, newestRankedLater, newest, old), sorted);
    }
}
