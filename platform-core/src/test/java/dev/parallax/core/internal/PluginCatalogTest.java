package dev.parallax.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.api.plugin.Abi;
import dev.parallax.api.plugin.PluginDescriptor;
import dev.parallax.api.plugin.PluginEvent;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginQuery;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class PluginCatalogTest {
    private final PluginCatalog catalog = new PluginCatalog();

    private static PluginInfo plugin(String id, String version, long serviceId, int ranking) {
        return new PluginInfo(
                new PluginDescriptor(id, Version.parseVersion(version), "greeter", new VersionRange(Abi.RANGE), "", ""),
                serviceId,
                "bundle." + serviceId,
                serviceId,
                ranking);
    }

    @Test
    void firstVersion_isOnlyAdded() {
        PluginInfo hello = plugin("hello", "1.0.0", 1, 0);
        assertEquals(List.of(PluginEvent.added(hello)), catalog.add(hello));
        assertEquals(hello, catalog.best("hello"));
    }

    @Test
    void higherVersion_replacesTheChosenOne() {
        PluginInfo old = plugin("hello", "1.0.0", 1, 0);
        PluginInfo next = plugin("hello", "1.1.0", 2, 0);
        catalog.add(old);
        assertEquals(List.of(PluginEvent.added(next), PluginEvent.replaced(old, next)), catalog.add(next));
        assertEquals(next, catalog.best("hello"));
    }

    @Test
    void lowerVersion_isAddedWithoutReplacing() {
        PluginInfo next = plugin("hello", "1.1.0", 2, 0);
        PluginInfo old = plugin("hello", "1.0.0", 1, 0);
        catalog.add(next);
        assertEquals(List.of(PluginEvent.added(old)), catalog.add(old));
        assertEquals(next, catalog.best("hello"));
    }

    @Test
    void removingTheChosenOne_replacesItByTheNextBest() {
        PluginInfo old = plugin("hello", "1.0.0", 1, 0);
        PluginInfo next = plugin("hello", "1.1.0", 2, 0);
        catalog.add(old);
        catalog.add(next);
        assertEquals(List.of(PluginEvent.removed(next), PluginEvent.replaced(next, old)), catalog.remove(2));
        assertEquals(List.of(PluginEvent.removed(old)), catalog.remove(1));
        assertNull(catalog.best("hello"));
        assertEquals(List.of(), catalog.remove(1), "removing twice says nothing");
    }

    @Test
    void removingAnotherVersion_doesNotReplace() {
        PluginInfo old = plugin("hello", "1.0.0", 1, 0);
        PluginInfo next = plugin("hello", "1.1.0", 2, 0);
        catalog.add(old);
        catalog.add(next);
        assertEquals(List.of(PluginEvent.removed(old)), catalog.remove(1));
    }

    @Test
    void equalVersions_higherRankingIsChosen() {
        PluginInfo low = plugin("hello", "1.0.0", 1, 0);
        PluginInfo high = plugin("hello", "1.0.0", 2, 9);
        catalog.add(low);
        assertEquals(List.of(PluginEvent.added(high), PluginEvent.replaced(low, high)), catalog.add(high));
    }

    @Test
    void snapshot_isSortedByIdThenBestFirst_andFindFiltersBestFirst() {
        PluginInfo zed = plugin("zed", "1.0.0", 1, 0);
        PluginInfo helloOld = plugin("hello", "1.0.0", 2, 0);
        PluginInfo helloNew = plugin("hello", "2.0.0", 3, 0);
        catalog.add(zed);
        catalog.add(helloOld);
        catalog.add(helloNew);
        assertEquals(List.of(helloNew, helloOld, zed), catalog.snapshot());
        assertEquals(List.of(helloNew, zed, helloOld), catalog.find(PluginQuery.capability("greeter")));
        assertEquals(List.of(helloOld), catalog.find(PluginQuery.id("hello").withVersions("[1.0,2.0)")));
        assertTrue(catalog.find(PluginQuery.id("nobody")).isEmpty());
    }

    @Test
    void snapshot_isImmutableAndNotChangedByLaterWrites() {
        catalog.add(plugin("hello", "1.0.0", 1, 0));
        List<PluginInfo> before = catalog.snapshot();
        catalog.add(plugin("hello", "1.1.0", 2, 0));
        assertEquals(1, before.size());
        assertEquals(2, catalog.snapshot().size());
    }
}
