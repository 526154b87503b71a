package dev.parallax.launcher.internal;

import dev.parallax.api.deploy.DeployFolder;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The process's main thread. bnd's launcher starts every bundle, then runs the {@code Callable} registered with
 * {@code main.thread=true} and exits with what it returns. It waits until the platform is ready; then, with a command
 * on the command line, it runs it, and with none it installs and starts the Gogo shell, which has the terminal until
 * it stops the framework.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, property = "main.thread=true")
public final class MainCommand implements Callable<Integer> {
    /** How long the platform may take to become ready before a command gives up. */
    private static final long READY_TIMEOUT_SECONDS = 30;

    /** How often a wait for readiness looks whether a component failed instead. */
    private static final long FAILURE_CHECK_MILLIS = 25;

    private static final String DEPLOY_PID = "dev.parallax.deploy";
    private static final String DEPLOY_COMPONENT = "dev.parallax.core.internal.deploy.DeployFolderImpl";

    private final BundleContext context;
    private final Commands commands;
    private final ConfigurationAdmin configurationAdmin;
    private final ServiceComponentRuntime runtime;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Activate
    public MainCommand(
            BundleContext context,
            @Reference Commands commands,
            @Reference ConfigurationAdmin configurationAdmin,
            @Reference ServiceComponentRuntime runtime) {
        this.context = context;
        this.commands = commands;
        this.configurationAdmin = configurationAdmin;
        this.runtime = runtime;
    }

    @Deactivate
    void deactivate() {
        stopped.countDown();
    }

    @Override
    public Integer call() throws InterruptedException {
        List<String> arguments = launcherArguments();
        String notReady = awaitReady();
        if (notReady != null) {
            System.err.println(notReady);
            return 1;
        }
        if (arguments.isEmpty()) {
            String failure = startShell();
            if (failure != null) {
                System.err.println(failure);
                return 1;
            }
            stopped.await(); // the shell has the terminal until it stops the framework
            return 0;
        }
        Thread stopOnSignal = Thread.ofPlatform().unstarted(this::stopFramework);
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            return commands.run(arguments, System.out, System.err);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the framework
            }
        }
    }

    /**
     * Installs and starts the Gogo shell's bundles, which travel in the runnable jar's {@code shell/} folder (named in
     * the order to install them) so that commands never pay for a shell; returns why that failed, or {@code null}.
     */
    private String startShell() {
        List<Bundle> shell = new ArrayList<>();
        try {
            for (String jar : shellJars()) {
                try (InputStream in = ClassLoader.getSystemResourceAsStream(jar)) {
                    shell.add(context.installBundle("parallax:" + jar, in));
                }
            }
            for (Bundle bundle : shell) {
                bundle.start();
            }
            return null;
        } catch (BundleException | IOException e) {
            return "The shell could not start: " + e.getMessage();
        }
    }

    /** The jars in the {@code shell/} folder of the jar this process was started from ({@code shell/1-jline.jar}), sorted. */
    private static List<String> shellJars() throws IOException {
        URL folder = ClassLoader.getSystemResource("shell/");
        if (folder == null || !(folder.openConnection() instanceof JarURLConnection connection)) {
            throw new IOException("the launcher's jar has no shell/ folder (" + folder + "); rebuild it with ./mvnw"
                    + " -pl launcher -am package");
        }
        connection.setUseCaches(false); // a JarFile of our own to close, not the class loader's
        List<String> jars = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith("shell/") && name.endsWith(".jar") && name.indexOf('/', "shell/".length()) < 0) {
                    jars.add(name);
                }
            }
        }
        Collections.sort(jars);
        return jars;
    }

    /** On SIGTERM or Ctrl-C: stops the framework, so that every component is deactivated, and waits for it. */
    private void stopFramework() {
        try {
            context.getBundle(0).stop();
            stopped.await(10, TimeUnit.SECONDS);
        } catch (BundleException | IllegalStateException | InterruptedException e) {
            // the process ends anyway
        }
    }

    /** The command line, as bnd's launcher registers it. */
    private List<String> launcherArguments() {
        try {
            ServiceReference<?>[] launcher = context.getServiceReferences((String) null, "(launcher.arguments=*)");
            if (launcher != null && launcher[0].getProperty("launcher.arguments") instanceof String[] arguments) {
                return List.of(arguments);
            }
            return List.of();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for the services configuration asks for; returns why the platform is not ready, or {@code null}. A
     * component that failed to activate is reported at once, with its reason, from the DS runtime.
     */
    private String awaitReady() throws InterruptedException {
        try {
            if (configurationAdmin.listConfigurations("(service.pid=" + DEPLOY_PID + ")") == null) {
                return null;
            }
        } catch (IOException | InvalidSyntaxException e) {
            return "The configuration cannot be read: " + e.getMessage();
        }
        ServiceTracker<DeployFolder, DeployFolder> deploy = new ServiceTracker<>(context, DeployFolder.class, null);
        deploy.open();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
            while (true) {
                // Wakes as the service appears; getting it waits for its activation to end.
                if (deploy.waitForService(FAILURE_CHECK_MILLIS) != null) {
                    return null;
                }
                String failure = activationFailure(DEPLOY_COMPONENT);
                if (failure != null) {
                    return "The deploy folder did not start: " + failure;
                }
                if (System.nanoTime() > deadline) {
                    return "The deploy folder did not start within " + READY_TIMEOUT_SECONDS + " s; check"
                            + " conf/dev.parallax.deploy.cfg.";
                }
            }
        } finally {
            deploy.close();
        }
    }

    /** Why the named component failed to activate, in one line, or {@code null} if it did not fail. */
    private String activationFailure(String component) {
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            if (!description.name.equals(component)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION
                        && configuration.failure != null) {
                    return rootCause(configuration.failure);
                }
            }
        }
        return null;
    }

    /**
     * The message of the innermost cause in a stack trace as the DS runtime reports it: the constructor's own
     * exception, not the reflection wrapped around it.
     */
    static String rootCause(String stackTrace) {
        String cause = stackTrace.lines().findFirst().orElse("");
        for (String line : stackTrace.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        return cause.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    }
}
