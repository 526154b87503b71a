package dev.parallax.api.plugin;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears about plugins coming, going, being replaced and being rejected.
 *
 * <p>Register an implementation as an OSGi service (whiteboard). A new listener first hears an
 * {@link PluginEvent.Type#ADDED} event for every plugin already there, then every change, in order. Events are
 * delivered on a thread of the registry's, never the thread that caused them: a listener that is slow only delays
 * itself, and one that throws is logged and goes on hearing events.
 *
 * <p>A consumer type: applications implement it, so adding a method to it would break them.
 */
@ConsumerType
@FunctionalInterface
public interface PluginListener {
    /** Called once per event, never concurrently for the same listener. */
    void pluginChanged(PluginEvent event);
}
