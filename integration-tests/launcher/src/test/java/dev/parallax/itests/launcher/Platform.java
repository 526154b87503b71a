package dev.parallax.itests.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Parallax home of its own (conf/ copied from the repository, an empty deploy/) and the {@code ./parallax} script
 * run against it as a user runs it, with the launcher as the build left it.
 */
final class Platform implements AutoCloseable {
    static final Path REPOSITORY = Path.of(System.getProperty("parallax.repository"));
    static final Path FIXTURES = Path.of(System.getProperty("parallax.fixtures"));

    /** A line of a Java stack trace: commands print errors, never stack traces. */
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w.$]+\\(", Pattern.MULTILINE);

    final Path home;
    final Path deploy;
    private final List<Server> servers = new ArrayList<>();

    Platform(String name) throws IOException {
        Path scratch = Files.createDirectories(Path.of(System.getProperty("parallax.scratch")));
        home = Files.createTempDirectory(scratch, name + "-");
        deploy = Files.createDirectories(home.resolve("deploy"));
        try (Stream<Path> files = Files.walk(REPOSITORY.resolve("conf"))) {
            for (Path source : files.toList()) {
                Path target = home.resolve("conf")
                        .resolve(REPOSITORY.resolve("conf").relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** The outcome of one command. */
    record Result(int exit, String out, String err) {
        /** Both streams, for failure messages. */
        String all() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs a command and checks that it exits with {@code exit} and prints no stack trace. */
    Result expect(int exit, String... arguments) throws IOException, InterruptedException {
        Result result = run(arguments);
        assertEquals(exit, result.exit(), result.all());
        assertFalse(STACK_FRAME.matcher(result.out() + result.err()).find(), "a stack trace: " + result.all());
        return result;
    }

    /** Runs {@code ./parallax arguments...} to the end. */
    Result run(String... arguments) throws IOException, InterruptedException {
        return runWithInput("", arguments);
    }

    /** Runs {@code ./parallax arguments...} to the end, typing {@code input} into it. */
    Result runWithInput(String input, String... arguments) throws IOException, InterruptedException {
        Path in = Files.writeString(Files.createTempFile(home, "in", ".txt"), input);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder(arguments)
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("./parallax " + String.join(" ", arguments) + " did not finish within 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts {@code ./parallax arguments...} in the background, its output discarded. */
    Process start(String... arguments) throws IOException {
        return builder(arguments)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Starts {@code ./parallax serve} and waits until it says it is running. */
    Server serve() throws IOException, InterruptedException {
        Server server = new Server(builder("serve").redirectErrorStream(true).start());
        servers.add(server);
        server.await("Parallax is running");
        return server;
    }

    /** Copies a fixture jar into the deploy folder under {@code name}, written beside it and moved in. */
    void drop(String fixture, String name) throws IOException {
        Path part = deploy.resolve("." + name + ".part");
        Files.copy(FIXTURES.resolve(fixture), part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, deploy.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private ProcessBuilder builder(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(REPOSITORY.resolve("parallax").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("PARALLAX_HOME", home.toString());
        builder.environment().put("PARALLAX_SKIP_BUILD", "1");
        return builder;
    }

    @Override
    public void close() throws InterruptedException {
        for (Server server : servers) {
            server.stop();
        }
    }

    /** A running {@code ./parallax serve}, and every line it printed. */
    static final class Server {
        private final Process process;
        private final List<String> lines = new ArrayList<>();

        Server(Process process) {
            this.process = process;
            Thread.ofVirtual().start(this::read);
        }

        private void read() {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        /** Waits up to 30 s for a line containing {@code text} and returns it. */
        synchronized String await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean ended = false;
            while (true) {
                for (String line : lines) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    return fail("No line containing '" + text + "' within 30 s; the platform printed:\n"
                            + String.join("\n", lines));
                }
                // A process that ended gets one more short wait, for the lines still in the pipe.
                ended = !process.isAlive();
                TimeUnit.NANOSECONDS.timedWait(this, ended ? TimeUnit.MILLISECONDS.toNanos(500) : left);
            }
        }

        /** How many lines match {@code pattern} so far. */
        synchronized long count(Pattern pattern) {
            return lines.stream().filter(line -> pattern.matcher(line).find()).count();
        }

        synchronized String output() {
            return String.join("\n", lines);
        }

        /** Stops the platform as an operator does (SIGTERM) and waits for it. */
        void stop() throws InterruptedException {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the platform did not stop within 30 s of SIGTERM");
        }
    }
}
