package dev.parallax.launcher.internal;

import dev.parallax.api.deploy.DeployFolder;
import dev.parallax.api.forecast.ForecastReports;
import dev.parallax.api.pipeline.Pipelines;
import dev.parallax.api.plugin.Diagnostics;
import dev.parallax.api.plugin.PluginRegistry;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The platform's commands, built once from the services they need and shared by {@code ./parallax} and the Gogo
 * shell, so both say the same thing.
 */
@Component(service = Commands.class)
public final class Commands {
    private final CommandLine commandLine;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeployFolder deployFolder;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ForecastReports forecastReports;

    @Activate
    public Commands(
            BundleContext context,
            @Reference PluginRegistry registry,
            @Reference Diagnostics diagnostics,
            @Reference Pipelines pipelines) {
        this.commandLine = new CommandLine(List.of(
                new PluginsCommand(registry),
                new InspectCommand(registry, pipelines),
                new RunCommand(pipelines),
                new PipelinesCommand(pipelines),
                new GraphCommand(pipelines),
                new StopCommand(pipelines),
                new DiagCommand(context, diagnostics),
                new DeployCommand(() -> deployFolder),
                new VersionCommand(context, registry),
                new ForecastCommand(registry, () -> forecastReports),
                new ServeCommand(stopped)));
    }

    @Deactivate
    void deactivate() {
        stopped.countDown();
    }

    /** Runs a command line; see {@link CommandLine#run}. */
    int run(List<String> arguments, PrintStream out, PrintStream err) {
        return commandLine.run(arguments, out, err);
    }
}
