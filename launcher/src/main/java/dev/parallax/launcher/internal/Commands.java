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
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The platform's commands, shared by {@code ./parallax} and the Gogo shell, so both say the same thing.
 *
 * <p>Start-up to ready is kept short: a command is built only when it runs, and the pipeline engine, the deploy
 * folder and the forecast reports are got only when a command uses them ({@link LazyService},
 * {@link OptionalService}), so that a command such as {@code version} or {@code plugins} never starts them, and
 * this component never waits for the deploy folder to finish activating on ConfigAdmin's thread.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = Commands.class)
public final class Commands {
    /** Every command, in the order help lists them. */
    static final List<String> NAMES = List.of(
            "deploy",
            "diag",
            "forecast",
            "graph",
            "inspect",
            "pipelines",
            "plugins",
            "run",
            "serve",
            "stop",
            "version");

    private final BundleContext context;
    private final PluginRegistry registry;
    private final Diagnostics diagnostics;
    private final CommandLine commandLine = new CommandLine(NAMES, this::command);
    private final CountDownLatch stopped = new CountDownLatch(1);

    private final LazyService<Pipelines> pipelines;
    private final OptionalService<DeployFolder> deployFolder = new OptionalService<>(DeployFolder.class);
    private final OptionalService<ForecastReports> forecastReports = new OptionalService<>(ForecastReports.class);

    @Activate
    public Commands(
            BundleContext context,
            @Reference PluginRegistry registry,
            @Reference Diagnostics diagnostics,
            @Reference ComponentServiceObjects<Pipelines> pipelines) {
        this.context = context;
        this.registry = registry;
        this.diagnostics = diagnostics;
        this.pipelines = new LazyService<>(pipelines, Pipelines.class);
    }

    /** The command called {@code name}, or {@code null}. */
    private Command command(String name) {
        return switch (name) {
            case "deploy" -> new DeployCommand(deployFolder);
            case "diag" -> new DiagCommand(context, diagnostics);
            case "forecast" -> new ForecastCommand(registry, forecastReports);
            case "graph" -> new GraphCommand(pipelines);
            case "inspect" -> new InspectCommand(registry, pipelines);
            case "pipelines" -> new PipelinesCommand(pipelines);
            case "plugins" -> new PluginsCommand(registry);
            case "run" -> new RunCommand(pipelines);
            case "serve" -> new ServeCommand(stopped);
            case "stop" -> new StopCommand(pipelines);
            case "version" -> new VersionCommand(context, registry);
            default -> null;
        };
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindDeployFolder(ComponentServiceObjects<DeployFolder> folder) {
        deployFolder.bind(folder);
    }

    void unbindDeployFolder(ComponentServiceObjects<DeployFolder> folder) {
        deployFolder.unbind(folder);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindForecastReports(ComponentServiceObjects<ForecastReports> reports) {
        forecastReports.bind(reports);
    }

    void unbindForecastReports(ComponentServiceObjects<ForecastReports> reports) {
        forecastReports.unbind(reports);
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
