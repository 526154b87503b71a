package dev.parallax.launcher.internal;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code ./parallax}, also offered in the Gogo shell under the {@code parallax} scope. */
interface Command {
    /** The name typed after {@code ./parallax}. */
    String name();

    /** The arguments, as shown in help: {@code <plugin-id>}. */
    String arguments();

    /** One line saying what the command does. */
    String summary();

    /** Longer help, printed by {@code --help} after the usage line. */
    String help();

    /**
     * Runs the command.
     *
     * @return the exit status: 0 for success, 1 for a failure the output explains
     * @throws UsageException if the arguments do not fit the command
     */
    int run(List<String> arguments, PrintStream out) throws UsageException;
}
