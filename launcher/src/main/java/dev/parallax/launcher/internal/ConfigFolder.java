package dev.parallax.launcher.internal;

import java.io.IOException;
import java.io.Reader;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Feeds ConfigAdmin from the {@code conf/} folder: {@code <pid>.cfg} files in {@link Properties} syntax, with
 * {@code ${name}} replaced by the framework or system property of that name ({@code ${parallax.home}}).
 *
 * <p>The folder is read before this component's activation ends, so the configuration is in ConfigAdmin before the
 * platform says it is ready; then it is watched, and an edited or deleted file updates or deletes its
 * configuration. (Felix FileInstall does the same from a background scan that never says it is done.)
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, immediate = true)
public final class ConfigFolder {
    private static final System.Logger LOG = System.getLogger(ConfigFolder.class.getName());
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final BundleContext context;
    private final ConfigurationAdmin admin;
    private final Path folder;
    private final WatchService watcher;
    private final Thread thread;

    @Activate
    public ConfigFolder(BundleContext context, @Reference ConfigurationAdmin admin) throws IOException {
        this.context = context;
        this.admin = admin;
        String home = property("parallax.home", System.getProperty("user.dir"));
        this.folder = Path.of(property("parallax.conf", home + "/conf"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(folder)) {
            LOG.log(Level.INFO, "No configuration folder at {0}: running on defaults", folder);
            this.watcher = null;
            this.thread = null;
            return;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path file : entries) {
                if (isConfiguration(file)) {
                    files.add(file);
                }
            }
        }
        Collections.sort(files);
        for (Path file : files) {
            apply(file);
        }
        this.watcher = folder.getFileSystem().newWatchService();
        folder.register(
                watcher,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = Thread.ofPlatform().name("parallax-conf").daemon().start(this::watch);
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        if (watcher != null) {
            watcher.close();
            thread.join(5_000);
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Thread.sleep(50); // let an editor finish writing
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && isConfiguration(folder.resolve(name))) {
                        Path file = folder.resolve(name);
                        if (Files.exists(file)) {
                            apply(file);
                        } else {
                            delete(file);
                        }
                    }
                }
                key.reset();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // deactivated
        }
    }

    private void apply(Path file) {
        String pid = pid(file);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
            Hashtable<String, Object> values = new Hashtable<>();
            for (String key : properties.stringPropertyNames()) {
                values.put(
                        key, substitute(file, key, properties.getProperty(key).trim()));
            }
            Configuration configuration = admin.getConfiguration(pid, "?");
            if (configuration.updateIfDifferent(values)) {
                LOG.log(Level.DEBUG, "Configuration {0} set from {1}", pid, file);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.ERROR, "Configuration file " + file + " is not applied: " + e.getMessage());
        }
    }

    private void delete(Path file) {
        try {
            Configuration[] existing = admin.listConfigurations("(service.pid=" + pid(file) + ")");
            if (existing != null) {
                existing[0].delete();
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.log(Level.ERROR, "Configuration " + pid(file) + " could not be deleted: " + e.getMessage());
        }
    }

    private String substitute(Path file, String key, String value) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String replacement = context.getProperty(variable.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException(
                        key + " refers to ${" + variable.group(1)
                                + "}, which is neither a framework nor a system property (known: parallax.home, parallax.conf)");
            }
            variable.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        return variable.appendTail(result).toString();
    }

    private String property(String name, String fallback) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String pid(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".cfg".length());
    }

    private static boolean isConfiguration(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".cfg") && !name.startsWith(".");
    }
}
