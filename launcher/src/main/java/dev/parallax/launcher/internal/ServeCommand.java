package dev.parallax.launcher.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./parallax serve}: runs the platform without a shell until the process is stopped (Ctrl-C, SIGTERM), for
 * services and scripts. The deploy folder and the conf folder are watched the whole time.
 */
final class ServeCommand implements Command {
    private final CountDownLatch stopped;

    ServeCommand(CountDownLatch stopped) {
        this.stopped = stopped;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "Run the platform without a shell until stopped (Ctrl-C or SIGTERM)";
    }

    @Override
    public String help() {
        return """
                Runs the platform with its deploy and conf folders watched, and no shell, until the process is
                stopped. Prints one line when it is ready; the deploy folder logs what it installs.""";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws UsageException {
        if (!arguments.isEmpty()) {
            throw new UsageException("serve takes no arguments, got " + arguments + ".");
        }
        out.println("Parallax is running; stop it with Ctrl-C.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
