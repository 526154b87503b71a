package dev.parallax.launcher.internal;

import dev.parallax.api.plugin.PluginRegistry;
import java.io.PrintStream;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** {@code ./parallax version}: the platform, its ABI, the framework and the Java runtime. */
final class VersionCommand implements Command {
    private final BundleContext context;
    private final PluginRegistry registry;

    VersionCommand(BundleContext context, PluginRegistry registry) {
        this.context = context;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "Print the Parallax version, its ABI, the OSGi framework and the Java runtime";
    }

    @Override
    public String help() {
        return "Prints one line once every service of the platform is ready (which makes it a readiness probe).";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws UsageException {
        if (!arguments.isEmpty()) {
            throw new UsageException("version takes no arguments, got " + arguments + ".");
        }
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        out.println("Parallax " + context.getBundle().getVersion() + " (ABI " + registry.abi() + ") on "
                + framework.getSymbolicName() + " " + framework.getVersion() + ", Java " + Runtime.version());
        return 0;
    }
}
