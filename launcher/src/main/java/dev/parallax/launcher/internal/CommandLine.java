package dev.parallax.launcher.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/** Dispatches {@code ./parallax <command> [arguments]}: help, usage errors and exit statuses in one place. */
final class CommandLine {
    /** Exit status of a command line that does not fit: an unknown command or wrong arguments. */
    static final int USAGE = 2;

    private final List<String> names;
    private final Function<String, Command> commands;

    /**
     * @param names every command's name, in the order help lists them
     * @param commands builds the command of a name, or returns {@code null} for none: only the command that runs
     *     is built, so a one-shot command loads no other command's classes on its way to ready
     */
    CommandLine(List<String> names, Function<String, Command> commands) {
        this.names = List.copyOf(names);
        this.commands = commands;
    }

    /** Runs one command line and returns its exit status; errors go to {@code err}, never as a stack trace. */
    int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty() || isHelp(arguments.getFirst())) {
            printHelp(out);
            return 0;
        }
        Command command = names.contains(arguments.getFirst()) ? commands.apply(arguments.getFirst()) : null;
        if (command == null) {
            err.println("Unknown command '" + arguments.getFirst() + "'; known: " + String.join(", ", names)
                    + ". Run ./parallax --help.");
            return USAGE;
        }
        List<String> rest = arguments.subList(1, arguments.size());
        if (asksForHelp(rest)) {
            out.println("usage: ./parallax " + command.name()
                    + (command.arguments().isEmpty() ? "" : " " + command.arguments()));
            out.println();
            out.println(command.help());
            return 0;
        }
        try {
            return command.run(rest, out);
        } catch (UsageException e) {
            err.println(e.getMessage() + " Run ./parallax " + command.name() + " --help.");
            return USAGE;
        } catch (RuntimeException e) {
            err.println("parallax " + command.name() + " failed: " + e.getMessage());
            return 1;
        }
    }

    private void printHelp(PrintStream out) {
        out.println("usage: ./parallax [command [arguments]]");
        out.println();
        out.println("With no command, opens the Parallax shell (Gogo; type 'help' there, 'exit' to leave).");
        out.println();
        Table table = new Table("command", "what it does");
        for (String name : names) {
            Command command = commands.apply(name);
            table.row(
                    command.name() + (command.arguments().isEmpty() ? "" : " " + command.arguments()),
                    command.summary());
        }
        table.print(out);
        out.println();
        out.println(
                "Run ./parallax <command> --help for one command. Exit status: 0 success, 1 failure, 2 usage error.");
    }

    private static boolean asksForHelp(List<String> arguments) {
        for (String argument : arguments) {
            if (isHelp(argument)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHelp(String argument) {
        return argument.equals("--help") || argument.equals("-h");
    }
}
