import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Puts a bundle's component descriptions into one file: {@code OSGI-INF/components.xml}, which its
 * {@code Service-Component} header then names alone.
 *
 * <p>bnd writes one XML file per component, and Felix SCR makes a new XML parser for every file it reads, which a
 * starting JVM pays for in full (about 1 ms a file, interpreted). One file per bundle takes the platform's start-up
 * from 33 parsers to 4. The Declarative Services specification allows it: component elements, in the SCR namespace,
 * may be the children of any root element.
 *
 * <p>Run by the build on each bundle after bnd has made it ({@code java tools/MergeComponentDescriptors.java
 * <bundle.jar>}); a bundle with fewer than two descriptions is left as it is. The jar is rewritten with its entries
 * in the same order and with the same times, so a reproducible build stays reproducible. The merged file is parsed
 * before the jar is replaced and must hold every component: the build fails rather than ship a bundle whose
 * components SCR would not find.
 */
public final class MergeComponentDescriptors {
    private static final String HEADER = "Service-Component";
    private static final String MERGED = "OSGI-INF/components.xml";
    private static final Pattern DECLARATION = Pattern.compile("\\A\\s*<\\?xml[^>]*\\?>\\s*");
    private static final String SCR_NAMESPACE_PREFIX = "http://www.osgi.org/xmlns/scr/";

    private MergeComponentDescriptors() {}

    public static void main(String[] arguments) throws Exception {
        if (arguments.length != 1) {
            System.err.println("usage: java tools/MergeComponentDescriptors.java <bundle.jar>");
            System.exit(2);
        }
        Path jar = Path.of(arguments[0]);
        if (!Files.isRegularFile(jar)) {
            return; // a module that makes no jar
        }
        String outcome = merge(jar);
        System.out.println("[components] " + jar.getFileName() + ": " + outcome);
    }

    /** Merges the descriptions of {@code jar} in place; returns what was done. */
    static String merge(Path jar) throws Exception {
        Manifest manifest;
        List<String> descriptors;
        try (JarFile in = new JarFile(jar.toFile())) {
            manifest = in.getManifest();
            String header = manifest == null ? null : manifest.getMainAttributes().getValue(HEADER);
            if (header == null) {
                return "no " + HEADER + " header, left as it is";
            }
            descriptors = Arrays.stream(header.split(",")).map(String::trim).toList();
            if (descriptors.size() < 2) {
                return descriptors.size() + " component description, left as it is";
            }
            for (String descriptor : descriptors) {
                if (descriptor.contains("*") || descriptor.contains(";") || in.getEntry(descriptor) == null) {
                    throw new IllegalStateException(jar + ": " + HEADER + " entry '" + descriptor
                            + "' is not a plain path to a file in the bundle; this tool merges only those");
                }
            }
        }
        Path merged = jar.resolveSibling(jar.getFileName() + ".merging");
        try (ZipFile in = new ZipFile(jar.toFile());
                OutputStream file = Files.newOutputStream(merged);
                ZipOutputStream out = new ZipOutputStream(file)) {
            byte[] components = components(in, descriptors);
            check(jar, components, descriptors.size());
            manifest.getMainAttributes().putValue(HEADER, MERGED);
            boolean written = false;
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    manifest.write(bytes);
                    put(out, entry, bytes.toByteArray());
                } else if (descriptors.contains(entry.getName())) {
                    if (!written) { // where the first description was
                        ZipEntry replacement = new ZipEntry(MERGED);
                        replacement.setTime(entry.getTime());
                        put(out, replacement, components);
                        written = true;
                    }
                } else {
                    put(out, entry, read(in, entry));
                }
            }
        } catch (Exception e) {
            Files.deleteIfExists(merged);
            throw e;
        }
        Files.move(merged, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return descriptors.size() + " component descriptions merged into " + MERGED;
    }

    /** The descriptions, each without its XML declaration, as the children of one {@code components} element. */
    private static byte[] components(ZipFile jar, List<String> descriptors) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<components>\n");
        for (String descriptor : descriptors) {
            String text = new String(read(jar, jar.getEntry(descriptor)), StandardCharsets.UTF_8);
            Matcher declaration = DECLARATION.matcher(text);
            xml.append(declaration.lookingAt() ? text.substring(declaration.end()) : text.strip()).append('\n');
        }
        return xml.append("</components>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Fails unless {@code components} parses and holds {@code expected} component elements in the SCR namespace. */
    private static void check(Path jar, byte[] components, int expected) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(components))
                .getDocumentElement();
        Map<String, Integer> found = new LinkedHashMap<>();
        int count = 0;
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                String namespace = String.valueOf(element.getNamespaceURI());
                if (!namespace.startsWith(SCR_NAMESPACE_PREFIX) || !element.getLocalName().equals("component")) {
                    throw new IllegalStateException(jar + ": a description's root is {" + namespace + "}"
                            + element.getLocalName() + ", not a component in the SCR namespace; SCR would not find it"
                            + " inside " + MERGED);
                }
                found.merge(element.getAttribute("name"), 1, Integer::sum);
                count++;
            }
        }
        List<String> twice = new ArrayList<>();
        found.forEach((name, times) -> {
            if (times > 1) {
                twice.add(name);
            }
        });
        if (count != expected || !twice.isEmpty()) {
            throw new IllegalStateException(jar + ": " + MERGED + " holds " + count + " components for " + expected
                    + " descriptions" + (twice.isEmpty() ? "" : "; named twice: " + twice));
        }
    }

    private static byte[] read(ZipFile jar, ZipEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static void put(ZipOutputStream out, ZipEntry original, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(original.getName());
        entry.setTime(original.getTime());
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }
}
