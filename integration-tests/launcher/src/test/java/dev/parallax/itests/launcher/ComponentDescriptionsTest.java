package dev.parallax.itests.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The build's merging of component descriptions ({@code tools/MergeComponentDescriptors.java}): every bundle in the
 * runnable jar names one description file, and the tool keeps every component and every other entry, or refuses.
 */
class ComponentDescriptionsTest {
    private static final Path TOOL = Platform.REPOSITORY.resolve("tools/MergeComponentDescriptors.java");
    private static final String SCR = "http://www.osgi.org/xmlns/scr/v1.4.0";
    private static final long TIME = 1_577_836_800_000L; // 2020-01-01: a fixed time, as reproducible builds write

    @Test
    void everyBundleInTheRunnableJar_namesOneDescriptionFile() throws Exception {
        Map<String, String> headers = new TreeMap<>();
        try (JarFile launcher = new JarFile(
                Platform.REPOSITORY.resolve("launcher/target/parallax.jar").toFile())) {
            for (JarEntry entry : Collections.list(launcher.entries())) {
                if (entry.getName().startsWith("jar/")) {
                    String header = header(launcher.getInputStream(entry), "Service-Component");
                    if (header != null) {
                        headers.put(entry.getName().replaceAll("-[0-9].*", ""), header);
                    }
                }
            }
        }
        // The platform's four bundles with components; the exported jar is made after they are merged.
        assertEquals(
                Map.of(
                        "jar/forecast", "OSGI-INF/components.xml",
                        "jar/launcher", "OSGI-INF/components.xml",
                        "jar/platform-core", "OSGI-INF/components.xml",
                        "jar/threshold", "OSGI-INF/components.xml"),
                headers);
    }

    @Test
    void merge_keepsEveryComponentAndEveryOtherEntry() throws Exception {
        Path jar = bundle(
                component("org.example.A", "<implementation class=\"org.example.A\"/>"),
                component(
                        "org.example.B",
                        "<service><provide interface=\"java.lang.Runnable\"/></service>"
                                + "<implementation class=\"org.example.B\"/>"));

        Outcome tool = run(jar);

        assertEquals(0, tool.exit(), tool.output());
        try (JarFile merged = new JarFile(jar.toFile())) {
            assertEquals(
                    "OSGI-INF/components.xml",
                    merged.getManifest().getMainAttributes().getValue("Service-Component"));
            List<String> names = Collections.list(merged.entries()).stream()
                    .map(ZipEntry::getName)
                    .toList();
            assertEquals(List.of("META-INF/MANIFEST.MF", "OSGI-INF/components.xml", "org/example/A.class"), names);
            assertArrayEquals(
                    new byte[] {1, 2, 3},
                    merged.getInputStream(merged.getEntry("org/example/A.class"))
                            .readAllBytes());
            assertEquals(TIME, merged.getEntry("OSGI-INF/components.xml").getTime());
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            NodeList components = factory.newDocumentBuilder()
                    .parse(merged.getInputStream(merged.getEntry("OSGI-INF/components.xml")))
                    .getElementsByTagNameNS(SCR, "component");
            assertEquals(2, components.getLength());
            assertEquals(
                    "org.example.B",
                    components.item(1).getAttributes().getNamedItem("name").getNodeValue());
            // Unprefixed children stay in no namespace, where SCR looks for them.
            assertEquals(
                    1,
                    ((Element) components.item(1))
                            .getElementsByTagNameNS(null, "provide")
                            .getLength());
        }
    }

    @Test
    void merge_refusesADescriptionSCRWouldNotFind_andLeavesTheJar() throws Exception {
        Path jar = bundle(
                component("org.example.A", "<implementation class=\"org.example.A\"/>"),
                "<?xml version=\"1.0\"?>\n<component name=\"org.example.C\"><implementation class=\"C\"/></component>");
        byte[] before = Files.readAllBytes(jar);

        Outcome tool = run(jar);

        assertNotEquals(0, tool.exit());
        assertTrue(tool.output().contains("not a component in the SCR namespace"), tool.output());
        assertArrayEquals(before, Files.readAllBytes(jar));
    }

    /** A main attribute of the manifest of the jar in {@code in}, wherever the manifest is among its entries. */
    private static String header(InputStream in, String name) throws IOException {
        try (ZipInputStream jar = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
                if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    return new Manifest(jar).getMainAttributes().getValue(name);
                }
            }
        }
        return null;
    }

    /** A bundle whose descriptions are {@code descriptions}, with a class file after them. */
    private static Path bundle(String... descriptions) throws IOException {
        Path scratch = Files.createDirectories(Path.of(System.getProperty("parallax.scratch")));
        Path jar = Files.createTempFile(scratch, "descriptions", ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < descriptions.length; i++) {
            paths.add("OSGI-INF/d" + i + ".xml");
        }
        manifest.getMainAttributes().putValue("Service-Component", String.join(",", paths));
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            put(out, "META-INF/MANIFEST.MF", manifestBytes(manifest));
            for (int i = 0; i < descriptions.length; i++) {
                put(out, paths.get(i), descriptions[i].getBytes(StandardCharsets.UTF_8));
            }
            put(out, "org/example/A.class", new byte[] {1, 2, 3});
        }
        return jar;
    }

    private static String component(String name, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<scr:component xmlns:scr=\"" + SCR + "\" name=\"" + name
                + "\">" + body + "</scr:component>\n";
    }

    private static byte[] manifestBytes(Manifest manifest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        manifest.write(bytes);
        return bytes.toByteArray();
    }

    private static void put(JarOutputStream out, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(TIME);
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    /** What the tool did: its exit status and what it printed. */
    private record Outcome(int exit, String output) {}

    private static Outcome run(Path jar) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        TOOL.toString(),
                        jar.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(process.waitFor(), output);
    }
}
