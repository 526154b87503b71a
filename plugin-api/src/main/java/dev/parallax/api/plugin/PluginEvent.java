package dev.parallax.api.plugin;

import java.util.Objects;

/**
 * Something that happened to a plugin, as told to {@link PluginListener}s.
 *
 * @param type what happened
 * @param plugin the plugin added, removed or now chosen; {@code null} for {@link Type#REJECTED}
 * @param previous for {@link Type#REPLACED}, the plugin chosen until now; otherwise {@code null}
 * @param rejection for {@link Type#REJECTED}, why; otherwise {@code null}
 */
public record PluginEvent(Type type, PluginInfo plugin, PluginInfo previous, Rejection rejection) {

    /** What happened to a plugin. */
    public enum Type {
        /** A plugin was accepted and can be found. */
        ADDED,
        /** A plugin went away (its service was unregistered, its bundle stopped, updated or uninstalled). */
        REMOVED,
        /**
         * The plugin chosen for an id changed while the id stayed available: a higher version appeared, or the
         * chosen one went away and another remains.
         */
        REPLACED,
        /** A plugin service was refused: built for another ABI, declared badly, or failed to activate. */
        REJECTED
    }

    /** Checks that the fields match the type. */
    public PluginEvent {
        Objects.requireNonNull(type, "type");
        if ((type == Type.REJECTED) != (rejection != null) || (type == Type.REJECTED) == (plugin != null)) {
            throw new IllegalArgumentException("A " + type + " event has a plugin, or else a rejection");
        }
        if ((type == Type.REPLACED) != (previous != null)) {
            throw new IllegalArgumentException("Only a REPLACED event has a previous plugin, and it must have one");
        }
    }

    /** A plugin was accepted. */
    public static PluginEvent added(PluginInfo plugin) {
        return new PluginEvent(Type.ADDED, plugin, null, null);
    }

    /** A plugin went away. */
    public static PluginEvent removed(PluginInfo plugin) {
        return new PluginEvent(Type.REMOVED, plugin, null, null);
    }

    /** The plugin chosen for an id changed from {@code previous} to {@code plugin}. */
    public static PluginEvent replaced(PluginInfo previous, PluginInfo plugin) {
        return new PluginEvent(Type.REPLACED, plugin, previous, null);
    }

    /** A plugin service was refused. */
    public static PluginEvent rejected(Rejection rejection) {
        return new PluginEvent(Type.REJECTED, null, null, rejection);
    }

    @Override
    public String toString() {
        return switch (type) {
            case ADDED -> "added " + plugin;
            case REMOVED -> "removed " + plugin;
            case REPLACED -> "replaced " + previous + " by " + plugin;
            case REJECTED -> "rejected: " + rejection.message();
        };
    }
}
