package dev.parallax.itests.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.itests.launcher.Platform.Result;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each {@code ./parallax} command's output and exit status, on success and on failure, and never a stack trace. */
class LauncherCommandsTest {

    static Platform platform;

    @BeforeAll
    static void deployHello() throws Exception {
        platform = new Platform("commands");
        platform.drop("fixture-greeter-api.jar", "greeter-api.jar");
        platform.drop("fixture-hello.jar", "hello.jar");
    }

    @AfterAll
    static void close() throws Exception {
        platform.close();
    }

    private static Result run(int expectedExit, String... arguments) throws Exception {
        return platform.expect(expectedExit, arguments);
    }

    @Test
    void help_listsEveryCommand() throws Exception {
        String out = run(0, "--help").out();
        for (String command : new String[] {
            "plugins", "inspect", "diag", "deploy", "serve", "version", "run", "pipelines", "graph", "stop", "forecast"
        }) {
            assertTrue(
                    Pattern.compile("^" + command + "\\b", Pattern.MULTILINE)
                            .matcher(out)
                            .find(),
                    out);
        }
    }

    @Test
    void commandHelp_printsUsage() throws Exception {
        assertTrue(run(0, "inspect", "--help")
                .out()
                .startsWith("usage: ./parallax inspect [--markdown] [element | plugin-id]"));
    }

    @Test
    void unknownCommand_exitsWithUsageError_namingTheKnownOnes() throws Exception {
        assertEquals(
                "Unknown command 'frobnicate'; known: deploy, diag, forecast, graph, inspect, pipelines, plugins, run,"
                        + " serve, stop, version. Run ./parallax"
                        + " --help.\n",
                run(2, "frobnicate").err());
    }

    @Test
    void version_namesPlatformAbiFrameworkAndJava() throws Exception {
        assertTrue(Pattern.matches(
                "Parallax \\S+ \\(ABI 1\\.0\\.0\\) on org\\.apache\\.felix\\.framework 7\\.0\\.5, Java 25.*\\n",
                run(0, "version").out()));
    }

    @Test
    void plugins_listsTheDeployedPlugin() throws Exception {
        String out = run(0, "plugins").out();
        assertTrue(
                Pattern.compile("^ID +VERSION +CAPABILITY +ABI +STATE +BUNDLE$", Pattern.MULTILINE)
                        .matcher(out)
                        .find(),
                out);
        assertTrue(
                Pattern.compile(
                                "^hello +1\\.0\\.0 +greeter +\\[1\\.0\\.0,2\\.0\\.0\\) +chosen +dev\\.parallax\\.itests\\.hello \\[\\d+]$",
                                Pattern.MULTILINE)
                        .matcher(out)
                        .find(),
                out);
    }

    @Test
    void plugins_withAnArgument_isAUsageError() throws Exception {
        assertTrue(run(2, "plugins", "extra").err().startsWith("plugins takes no arguments, got [extra]."));
    }

    @Test
    void inspect_describesEveryVersion() throws Exception {
        String out = run(0, "inspect", "hello").out();
        assertTrue(
                out.startsWith("Plugin hello\n  capability:   greeter\n  description:  Greets in plain English\n"),
                out);
        assertTrue(out.contains("1.0.0 (chosen), ABI [1.0.0,2.0.0), bundle dev.parallax.itests.hello"), out);
    }

    @Test
    void inspect_unknownPlugin_failsNamingTheKnownOnes() throws Exception {
        String out = run(1, "inspect", "nobody").out();
        assertTrue(out.startsWith("No element or plugin 'nobody'; known: "), out);
        assertTrue(out.contains(" hello, "), "the known ids include the deployed plugin: " + out);
    }

    @Test
    void inspect_withoutArguments_listsTheElements() throws Exception {
        String out = run(0, "inspect").out();
        assertTrue(
                Pattern.compile("^threshold +Filter/Image +Binarizes", Pattern.MULTILINE)
                        .matcher(out)
                        .find(),
                out);
        assertTrue(
                Pattern.compile("^queue +Generic ", Pattern.MULTILINE)
                        .matcher(out)
                        .find(),
                out);
    }

    @Test
    void inspect_element_printsPadsPropertiesAndExample() throws Exception {
        String out = run(0, "inspect", "threshold").out();
        assertTrue(out.startsWith("Element threshold\n  category:     Filter/Image\n"), out);
        assertTrue(out.contains("  tile-size: "), out);
        assertTrue(out.contains("Example pipeline: imagesrc location="), out);
        assertTrue(out.contains("Plugin threshold\n  capability:   element\n"), out);
    }

    @Test
    void inspect_twoNames_isAUsageError() throws Exception {
        assertTrue(
                run(2, "inspect", "a", "b").err().startsWith("inspect takes at most one element or plugin id, got 2."));
    }

    @Test
    void diag_healthyBundle_succeeds() throws Exception {
        assertTrue(run(0, "diag", "dev.parallax.itests.hello").out().contains("is ACTIVE: no problem found."));
    }

    @Test
    void diag_jarBuiltForAnotherAbi_failsWithTheDiagnosis() throws Exception {
        String out = run(
                        1,
                        "diag",
                        Platform.FIXTURES.resolve("fixture-abi-next.jar").toString())
                .out();
        assertTrue(out.contains("dev.parallax.itests.abinext 2.0.0 is INSTALLED and cannot resolve"), out);
        assertTrue(out.contains("requires:  Parallax ABI [2.0.0,3.0.0)"), out);
        assertTrue(out.contains("available: Parallax ABI 1.0.0 from dev.parallax.core"), out);
        assertTrue(out.contains("fix:       Rebuild the plugin against plugin-api 1.x"), out);
    }

    @Test
    void diag_unknownBundle_fails() throws Exception {
        assertTrue(run(1, "diag", "org.example.nothing").out().startsWith("No bundle 'org.example.nothing'"));
    }

    @Test
    void diag_withoutArgument_isAUsageError() throws Exception {
        assertTrue(run(2, "diag").err().startsWith("diag takes one bundle id, symbolic name or jar file"));
    }

    @Test
    void deploy_showsEachJarWithItsStateAndReason() throws Exception {
        try (Platform other = new Platform("deploy-states")) {
            other.drop("fixture-greeter-api.jar", "greeter-api.jar");
            other.drop("fixture-abi-next.jar", "future.jar");
            Files.write(other.deploy.resolve("broken.jar"), new byte[] {'P', 'K', 3, 4, 0, 0});
            Result result = other.run("deploy");
            assertEquals(0, result.exit(), result.all());
            String out = result.out();
            assertTrue(
                    Pattern.compile("^broken\\.jar +REFUSED +- ", Pattern.MULTILINE)
                            .matcher(out)
                            .find(),
                    out);
            assertTrue(
                    Pattern.compile("^future\\.jar +FAILED +- ", Pattern.MULTILINE)
                            .matcher(out)
                            .find(),
                    out);
            assertTrue(
                    Pattern.compile(
                                    "^greeter-api\\.jar +DEPLOYED +dev\\.parallax\\.itests\\.greeter",
                                    Pattern.MULTILINE)
                            .matcher(out)
                            .find(),
                    out);
            assertTrue(out.contains("broken.jar: broken.jar is not a complete jar"), out);
            assertTrue(out.contains("requires:  Parallax ABI [2.0.0,3.0.0)"), out);
        }
    }

    @Test
    void shell_runsTheParallaxCommands_andExits() throws Exception {
        Result result =
                platform.runWithInput("plugins\ninspect hello\nparallax:diag dev.parallax.itests.hello\nexit\n");
        assertEquals(0, result.exit(), result.all());
        String out = result.out();
        assertTrue(out.contains("Parallax shell: plugins, inspect <plugin>"), out);
        assertTrue(
                Pattern.compile("^parallax> ID +VERSION +CAPABILITY +ABI +STATE +BUNDLE$", Pattern.MULTILINE)
                        .matcher(out)
                        .find(),
                out);
        assertTrue(out.contains("Plugin hello\n  capability:   greeter"), out);
        assertTrue(out.contains("dev.parallax.itests.hello 1.0.0 is ACTIVE: no problem found."), out);
        assertTrue(out.contains("Stopping Parallax."), out);
    }

    @Test
    void serve_withAnArgument_isAUsageError() throws Exception {
        // serve logs what the platform does on standard error, so the usage error is one of its lines.
        String err = run(2, "serve", "--port", "80").err();
        assertTrue(err.lines().anyMatch(line -> line.startsWith("serve takes no arguments, got [--port, 80].")), err);
    }

    @Test
    void version_withAnArgument_isAUsageError() throws Exception {
        assertTrue(run(2, "version", "--verbose").err().startsWith("version takes no arguments, got [--verbose]."));
    }

    @Test
    void deploy_withoutAConfiguredFolder_fails() throws Exception {
        try (Platform other = new Platform("no-folder")) {
            Files.delete(other.home.resolve("conf/dev.parallax.deploy.cfg"));
            Result result = other.run("deploy");
            assertEquals(1, result.exit(), result.all());
            assertEquals(
                    "No deploy folder: it is configured by conf/dev.parallax.deploy.cfg (directory = ...).\n",
                    result.out());
        }
    }

    @Test
    void badConfiguration_failsNamingTheSettingAndTheRule() throws Exception {
        try (Platform other = new Platform("bad-conf")) {
            Files.writeString(
                    other.home.resolve("conf/dev.parallax.deploy.cfg"),
                    "directory = ${parallax.home}/deploy\ntrust = paranoid\n");
            Result result = other.run("plugins");
            assertEquals(1, result.exit(), result.all());
            assertEquals(
                    "The deploy folder did not start: Deploy folder setting trust='paranoid' is unknown; use none,"
                            + " signed, digest or signed-or-digest\n",
                    result.err(),
                    result.all());
        }
    }
}
