package dev.parallax.api.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

class PluginEventTest {
    private static final PluginInfo HELLO = new PluginInfo(
            new PluginDescriptor(
                    "hello", Version.parseVersion("1.0.0"), "greeter", new VersionRange(Abi.RANGE), "", ""),
            7,
            "org.example.hello",
            42,
            0);
    private static final Rejection REJECTION =
            new Rejection("future", 8, "org.example.future 2.0.0", 43, "Built for ABI 2.", "Rebuild it.");

    @Test
    void factories_makeConsistentEvents() {
        assertEquals(
                "added hello 1.0.0 (greeter) from org.example.hello [7]",
                PluginEvent.added(HELLO).toString());
        assertEquals(PluginEvent.Type.REMOVED, PluginEvent.removed(HELLO).type());
        assertEquals(HELLO, PluginEvent.replaced(HELLO, HELLO).previous());
        assertEquals(
                "rejected: Built for ABI 2. Fix: Rebuild it.",
                PluginEvent.rejected(REJECTION).toString());
    }

    @Test
    void inconsistentFields_areRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> new PluginEvent(PluginEvent.Type.ADDED, HELLO, null, REJECTION));
        assertThrows(
                IllegalArgumentException.class, () -> new PluginEvent(PluginEvent.Type.REJECTED, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new PluginEvent(PluginEvent.Type.ADDED, HELLO, HELLO, null));
        assertThrows(
                IllegalArgumentException.class, () -> new PluginEvent(PluginEvent.Type.REPLACED, HELLO, null, null));
        assertThrows(NullPointerException.class, () -> new PluginEvent(null, HELLO, null, null));
    }
}
