package dev.parallax.launcher.internal;

import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.Rejection;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/** {@code ./parallax plugins}: every plugin, the chosen version of each id first, and the rejected ones. */
final class PluginsCommand implements Command {
    private final PluginRegistry registry;

    PluginsCommand(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "List the plugins: id, version, capability, ABI range, state and bundle";
    }

    @Override
    public String help() {
        return """
                Lists every plugin the runtime knows. STATE is 'chosen' for the version of an id that lookups return,
                'standby' for other versions side by side, and 'rejected' for plugins refused (the reason follows).""";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws UsageException {
        if (!arguments.isEmpty()) {
            throw new UsageException("plugins takes no arguments, got " + arguments + ".");
        }
        List<PluginInfo> plugins = registry.plugins();
        List<Rejection> rejections = registry.rejections();
        Table table = new Table("ID", "VERSION", "CAPABILITY", "ABI", "STATE", "BUNDLE");
        String previousId = null;
        for (PluginInfo plugin : plugins) {
            String state = Objects.equals(previousId, plugin.id()) ? "standby" : "chosen";
            previousId = plugin.id();
            table.row(
                    plugin.id(),
                    plugin.version(),
                    plugin.capability(),
                    plugin.descriptor().abi(),
                    state,
                    plugin.bundleSymbolicName() + " [" + plugin.bundleId() + "]");
        }
        for (Rejection rejection : rejections) {
            String id = rejection.pluginId().isEmpty() ? "?" : rejection.pluginId();
            table.row(id, "-", "-", "-", "rejected", rejection.bundle() + " [" + rejection.bundleId() + "]");
        }
        if (plugins.isEmpty() && rejections.isEmpty()) {
            out.println("No plugins. Drop a plugin jar into the deploy folder, or see docs/writing-a-plugin.md.");
            return 0;
        }
        table.print(out);
        for (Rejection rejection : rejections) {
            out.println();
            out.println("rejected: " + rejection.reason());
            out.println("fix:      " + rejection.fix());
        }
        return 0;
    }
}
