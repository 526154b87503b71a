package dev.parallax.itests.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parallax.itests.launcher.Platform.Result;
import dev.parallax.itests.launcher.Platform.Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Does what docs/writing-a-plugin.md says, with the files it shows: builds the plugin outside the reactor against
 * the released plugin-api, diagnoses it, deploys it into a running platform, then updates it. If the page and the
 * platform drift apart, this fails.
 */
class WritingAPluginGuideTest {
    private static final Pattern FILE = Pattern.compile("<!-- file: (\\S+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

    @Test
    void guide_buildsDeploysAndUpdatesThePlugin() throws Exception {
        Map<String, String> files = filesOfTheGuide();
        assertEquals(4, files.size(), "the guide shows pom.xml and three Java files: " + files.keySet());
        try (Platform platform = new Platform("guide")) {
            Path project = Files.createDirectories(platform.home.resolve("word-count"));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = project.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }

            Path version1 = build(project, "1.0.0");
            Result diagnosis = platform.run("diag", version1.toString());
            assertEquals(0, diagnosis.exit(), diagnosis.all());
            assertTrue(
                    diagnosis.out().contains("org.example.wordcount 1.0.0 is ACTIVE: no problem found."),
                    diagnosis.all());

            Server server = platform.serve();
            Files.copy(version1, platform.deploy.resolve("word-count.jar"));
            server.await("Deployed word-count.jar as org.example.wordcount 1.0.0");
            String plugins = platform.run("plugins").out();
            assertTrue(
                    Pattern.compile(
                                    "^word-count +1\\.0\\.0 +word-count +\\[1\\.0\\.0,2\\.0\\.0\\) +chosen +org\\.example\\.wordcount",
                                    Pattern.MULTILINE)
                            .matcher(plugins)
                            .find(),
                    plugins);

            Files.writeString(
                    project.resolve("pom.xml"),
                    files.get("pom.xml")
                            .replace(
                                    "<version>1.0.0</version>\n\n  <properties>",
                                    "<version>1.1.0</version>\n\n  <properties>"));
            Path version2 = build(project, "1.1.0");
            Files.copy(version2, platform.deploy.resolve("word-count.jar"), StandardCopyOption.REPLACE_EXISTING);
            server.await(
                    "Deployed word-count.jar as org.example.wordcount 1.1.0, replacing org.example.wordcount 1.0.0");
            assertTrue(platform.run("inspect", "word-count").out().contains("1.1.0 (chosen)"));
        }
    }

    /** The files the guide shows, by path, from the code block after each {@code <!-- file: ... -->} marker. */
    private static Map<String, String> filesOfTheGuide() throws IOException {
        String guide = Files.readString(Platform.REPOSITORY.resolve("docs/writing-a-plugin.md"));
        Map<String, String> files = new LinkedHashMap<>();
        Matcher file = FILE.matcher(guide);
        while (file.find()) {
            files.put(file.group(1), file.group(2));
        }
        return files;
    }

    /** {@code mvn -q package -Dparallax.releases=file://$PARALLAX/cnf/releases}, with the repository's Maven. */
    private static Path build(Path project, String version) throws IOException, InterruptedException {
        Path log = project.resolve("build-" + version + ".log");
        Process maven = new ProcessBuilder(List.of(
                        Platform.REPOSITORY.resolve("mvnw").toString(),
                        "-B",
                        "-q",
                        "-f",
                        project.resolve("pom.xml").toString(),
                        "package",
                        "-Dparallax.releases=file://" + Platform.REPOSITORY.resolve("cnf/releases")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = maven.waitFor(300, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished && maven.exitValue() == 0, "the guide's build failed:\n" + output);
        Path jar = project.resolve("target/word-count-" + version + ".jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + ":\n" + output);
        assertFalse(output.contains("[WARNING]"), "the guide's build warns:\n" + output);
        return jar;
    }
}
