package dev.parallax.launcher.internal;

import dev.parallax.api.plugin.PluginDescriptor;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import java.io.PrintStream;
import java.util.List;

/** {@code ./parallax inspect <plugin>}: everything the runtime knows of one plugin, every version of it. */
final class InspectCommand implements Command {
    private final PluginRegistry registry;

    InspectCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String arguments() {
        return "<plugin-id>";
    }

    @Override
    public String summary() {
        return "Describe one plugin: capability, description, licence and every version installed";
    }

    @Override
    public String help() {
        return "Describes the plugin with that id; exits with 1 if there is none. './parallax plugins' lists the ids.";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws UsageException {
        if (arguments.size() != 1) {
            throw new UsageException("inspect takes one plugin id, got " + arguments.size() + " arguments.");
        }
        String id = arguments.getFirst();
        List<PluginInfo> versions = registry.find(PluginQuery.id(id));
        if (versions.isEmpty()) {
            List<String> known =
                    registry.plugins().stream().map(PluginInfo::id).distinct().toList();
            out.println(
                    "No plugin '" + id + "'" + (known.isEmpty() ? "." : "; known: " + String.join(", ", known) + "."));
            return 1;
        }
        PluginDescriptor chosen = versions.getFirst().descriptor();
        out.println("Plugin " + id);
        out.println("  capability:   " + chosen.capability());
        out.println("  description:  " + (chosen.description().isEmpty() ? "-" : chosen.description()));
        out.println("  licence:      " + (chosen.license().isEmpty() ? "-" : chosen.license()));
        out.println("  runtime ABI:  " + registry.abi());
        out.println("  versions:");
        boolean first = true;
        for (PluginInfo plugin : versions) {
            out.println("    " + plugin.version() + (first ? " (chosen)" : " (standby)") + ", ABI "
                    + plugin.descriptor().abi() + ", bundle " + plugin.bundleSymbolicName() + " [" + plugin.bundleId()
                    + "], service " + plugin.serviceId() + ", ranking " + plugin.ranking());
            first = false;
        }
        return 0;
    }
}
