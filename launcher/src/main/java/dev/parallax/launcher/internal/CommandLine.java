package dev.parallax.launcher.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Dispatches {@code ./parallax <command> [arguments]}: help, usage errors and exit statuses in one place. */
final class CommandLine {
    /** Exit status of a command line that does not fit: an unknown command or wrong arguments. */
    static final int USAGE = 2;

    private final Map<String, Command> commands;

    CommandLine(List<Command> commands) {
        this.commands = commands.stream()
                .collect(Collectors.toMap(Command::name, Function.identity(), (a, b) -> a, java.util.TreeMap::new));
    }

    /** Runs one command line and returns its exit status; errors go to {@code err}, never as a stack trace. */
    int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty() || isHelp(arguments.getFirst())) {
            printHelp(out);
            return 0;
        }
        Command command = commands.get(arguments.getFirst());
        if (command == null) {
            err.println("Unknown command '" + arguments.getFirst() + "'; known: " + String.join(", ", commands.keySet())
                    + ". Run ./parallax --help.");
            return USAGE;
        }
        List<String> rest = arguments.subList(1, arguments.size());
        if (rest.stream().anyMatch(CommandLine::isHelp)) {
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
        for (Command command : commands.values()) {
            table.row(
                    command.name() + (command.arguments().isEmpty() ? "" : " " + command.arguments()),
                    command.summary());
        }
        table.print(out);
        out.println();
        out.println(
                "Run ./parallax <command> --help for one command. Exit status: 0 success, 1 failure, 2 usage error.");
    }

    private static boolean isHelp(String argument) {
        return argument.equals("--help") || argument.equals("-h");
    }
}
