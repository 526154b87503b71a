package dev.parallax.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CommandsTest {
    /** Commands are built by name only when they run: each name must build the command that answers to it. */
    @Test
    void help_listsEachCommandOnce_inOrder() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Help needs no service: the commands are built, not run.
        int exit = new Commands(null, null, null, null)
                .run(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertEquals(0, exit);
        List<String> listed = Pattern.compile("^([a-z]+)\\b.*$", Pattern.MULTILINE)
                .matcher(out.toString(StandardCharsets.UTF_8).split("\n\n", 3)[2])
                .results()
                .map(match -> match.group(1))
                .filter(name -> !name.equals("command"))
                .toList();
        // Help prints the name each built command gives itself: a name that builds another command shows here.
        assertEquals(Commands.NAMES, listed);
    }
}
