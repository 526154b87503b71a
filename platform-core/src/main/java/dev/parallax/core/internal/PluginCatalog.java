package dev.parallax.core.internal;

import dev.parallax.api.plugin.PluginEvent;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accepted plugins, and the events their comings and goings make.
 *
 * <p>Writers are serialised by the caller; readers take {@link #snapshot()}, an immutable list rebuilt on every
 * change, so that lookups never lock.
 */
final class PluginCatalog {
    private static final Comparator<PluginInfo> BY_ID_THEN_BEST = (a, b) -> {
        int byId = a.id().compareTo(b.id());
        return byId != 0 ? byId : PluginInfo.BEST_FIRST.compare(a, b);
    };

    private final Map<Long, PluginInfo> byServiceId = new HashMap<>();
    private volatile List<PluginInfo> snapshot = List.of();

    /** Every plugin, sorted by id and then best first. */
    List<PluginInfo> snapshot() {
        return snapshot;
    }

    /** The plugins that match {@code query}, best first. */
    List<PluginInfo> find(PluginQuery query) {
        return snapshot.stream()
                .filter(plugin -> query.matches(plugin.descriptor()))
                .sorted(PluginInfo.BEST_FIRST)
                .toList();
    }

    /** Adds a plugin and says what happened: it was added, and perhaps it replaced the one chosen for its id. */
    List<PluginEvent> add(PluginInfo plugin) {
        PluginInfo before = best(plugin.id());
        byServiceId.put(plugin.serviceId(), plugin);
        publish();
        List<PluginEvent> events = new ArrayList<>(2);
        events.add(PluginEvent.added(plugin));
        if (before != null && best(plugin.id()) == plugin) {
            events.add(PluginEvent.replaced(before, plugin));
        }
        return events;
    }

    /** Removes the plugin of a service, if it is there, and says what happened. */
    List<PluginEvent> remove(long serviceId) {
        PluginInfo plugin = byServiceId.remove(serviceId);
        if (plugin == null) {
            return List.of();
        }
        List<PluginInfo> before = snapshot;
        publish();
        List<PluginEvent> events = new ArrayList<>(2);
        events.add(PluginEvent.removed(plugin));
        PluginInfo after = best(plugin.id());
        if (after != null && bestIn(before, plugin.id()) == plugin) {
            events.add(PluginEvent.replaced(plugin, after));
        }
        return events;
    }

    /** The plugin chosen for {@code id}, or {@code null}. */
    PluginInfo best(String id) {
        return bestIn(snapshot, id);
    }

    private static PluginInfo bestIn(List<PluginInfo> plugins, String id) {
        // The snapshot is sorted by id and then best first: the first with this id is the best.
        for (PluginInfo plugin : plugins) {
            if (plugin.id().equals(id)) {
                return plugin;
            }
        }
        return null;
    }

    private void publish() {
        List<PluginInfo> plugins = new ArrayList<>(byServiceId.values());
        plugins.sort(BY_ID_THEN_BEST);
        snapshot = List.copyOf(plugins);
    }
}
