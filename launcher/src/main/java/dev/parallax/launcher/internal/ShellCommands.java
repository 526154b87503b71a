package dev.parallax.launcher.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code parallax} scope of the Gogo shell: {@code parallax:plugins}, {@code parallax:inspect <plugin>},
 * {@code parallax:diag <bundle>}, {@code parallax:deploy}, {@code parallax:version}, {@code parallax:run},
 * {@code parallax:pipelines}, {@code parallax:graph}, {@code parallax:stop} and {@code parallax:forecast
 * <data.csv> ...}, the same commands as
 * {@code ./parallax}. Gogo sends what they print to the session.
 */
@Component(
        configurationPolicy = ConfigurationPolicy.IGNORE,
        service = ShellCommands.class,
        property = {
            "osgi.command.scope=parallax",
            "osgi.command.function=plugins",
            "osgi.command.function=inspect",
            "osgi.command.function=diag",
            "osgi.command.function=deploy",
            "osgi.command.function=version",
            "osgi.command.function=run",
            "osgi.command.function=pipelines",
            "osgi.command.function=graph",
            "osgi.command.function=stop",
            "osgi.command.function=forecast"
        })
public final class ShellCommands {
    private final Commands commands;

    @Activate
    public ShellCommands(@Reference Commands commands) {
        this.commands = commands;
    }

    public void plugins(String... arguments) {
        dispatch("plugins", arguments);
    }

    public void inspect(String... arguments) {
        dispatch("inspect", arguments);
    }

    public void diag(String... arguments) {
        dispatch("diag", arguments);
    }

    public void deploy(String... arguments) {
        dispatch("deploy", arguments);
    }

    public void version(String... arguments) {
        dispatch("version", arguments);
    }

    public void run(String... arguments) {
        dispatch("run", arguments);
    }

    public void pipelines(String... arguments) {
        dispatch("pipelines", arguments);
    }

    public void graph(String... arguments) {
        dispatch("graph", arguments);
    }

    public void stop(String... arguments) {
        dispatch("stop", arguments);
    }

    public void forecast(String... arguments) {
        dispatch("forecast", arguments);
    }

    private void dispatch(String command, String... arguments) {
        List<String> line = new ArrayList<>(List.of(arguments));
        line.addFirst(command);
        commands.run(line, System.out, System.out);
    }
}
