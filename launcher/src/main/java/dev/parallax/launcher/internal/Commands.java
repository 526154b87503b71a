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
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The platform's commands, built once from the services they need and shared by {@code ./parallax} and the Gogo
 * shell, so both say the same thing.
 *
 * <p>The pipeline engine and the forecast reports are got only when a command uses them ({@link LazyService}), so
 * that a command such as {@code version} or {@code plugins} never starts them.
 */
@Component(service = Commands.class)
public final class Commands {
    private final CommandLine commandLine;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeployFolder deployFolder;

    private final LazyService<Pipelines> pipelines;
    private volatile LazyService<ForecastReports> forecastReports;

    @Activate
    public Commands(
            BundleContext context,
            @Reference PluginRegistry registry,
            @Reference Diagnostics diagnostics,
            @Reference ComponentServiceObjects<Pipelines> pipelines) {
        this.pipelines = new LazyService<>(pipelines, Pipelines.class);
        this.commandLine = new CommandLine(List.of(
                new PluginsCommand(registry),
                new InspectCommand(registry, this.pipelines),
                new RunCommand(this.pipelines),
                new PipelinesCommand(this.pipelines),
                new GraphCommand(this.pipelines),
                new StopCommand(this.pipelines),
                new DiagCommand(context, diagnostics),
                new DeployCommand(() -> deployFolder),
                new VersionCommand(context, registry),
                new ForecastCommand(registry, () -> {
                    LazyService<ForecastReports> reports = forecastReports;
                    return reports == null ? null : reports.get();
                }),
                new ServeCommand(stopped)));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindForecastReports(ComponentServiceObjects<ForecastReports> reports) {
        forecastReports = new LazyService<>(reports, ForecastReports.class);
    }

    /** DS binds a replacement before it unbinds the service replaced: only that one's handle goes. */
    synchronized void unbindForecastReports(ComponentServiceObjects<ForecastReports> reports) {
        LazyService<ForecastReports> gone = forecastReports;
        if (gone != null && gone.isFor(reports)) {
            forecastReports = null;
            gone.release();
        }
    }

    @Deactivate
    void deactivate() {
        stopped.countDown();
        pipelines.release();
    }

    /** Runs a command line; see {@link CommandLine#run}. */
    int run(List<String> arguments, PrintStream out, PrintStream err) {
        return commandLine.run(arguments, out, err);
    }
}
