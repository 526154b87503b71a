package dev.parallax.launcher.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code parallax} scope of the Gogo shell: {@code parallax:plugins}, {@code parallax:inspect <plugin>},
 * {@code parallax:diag <bundle>}, {@code parallax:deploy}, {@code parallax:version} and {@code parallax:forecast
 * <data.csv> ...}, the same commands as
 * {@code ./parallax}. Gogo sends what they print to the session.
 */
@Component(
        service = ShellCommands.class,
        property = {
            "osgi.command.scope=parallax",
            "osgi.command.function=plugins",
            "osgi.command.function=inspect",
            "osgi.command.function=diag",
            "osgi.command.function=deploy",
            "osgi.command.function=version",
            "osgi.command.function=forecast"
        })
public final class ShellCommands {
    private final Commands commands;

    @Activate
    public ShellCommands(@Reference Commands commands) {
        this.commands = commands;
    }

    public void plugins(String... arguments) {
        run("plugins", arguments);
    }

    public void inspect(String... arguments) {
        run("inspect", arguments);
    }

    public void diag(String... arguments) {
        run("diag", arguments);
    }

    public void deploy(String... arguments) {
        run("deploy", arguments);
    }

    public void version(String... arguments) {
        run("version", arguments);
    }

    public void forecast(String... arguments) {
        run("forecast", arguments);
    }

    private void run(String command, String... arguments) {
        List<String> line = new ArrayList<>(List.of(arguments));
        line.addFirst(command);
        commands.run(line, System.out, System.out);
    }
}
