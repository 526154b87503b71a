package dev.parallax.launcher.internal;

import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.Pipelines;
import dev.parallax.api.plugin.PluginDescriptor;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code ./parallax inspect [element | plugin-id]}: with no argument the elements there are, like gst-inspect;
 * with a name, that element's pads, properties and example, and everything the runtime knows of the plugin of that
 * id, every version of it.
 */
final class InspectCommand implements Command {
    private final PluginRegistry registry;
    private final Supplier<Pipelines> pipelines;

    InspectCommand(PluginRegistry registry, Supplier<Pipelines> pipelines) {
        this.registry = registry;
        this.pipelines = pipelines;
    }

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String arguments() {
        return "[--markdown] [element | plugin-id]";
    }

    @Override
    public String summary() {
        return "List the pipeline elements, or describe one element or plugin";
    }

    @Override
    public String help() {
        return """
                With no argument, lists the pipeline elements: name, category and summary. With an element's
                name, prints its pads and the formats they take, its properties (type, default, range) and an
                example pipeline, then the plugin that provides it. With another plugin's id, describes that
                plugin: capability, description, licence and every version installed. Exits with 1 if there is
                no such element or plugin ('./parallax plugins' lists the plugins).

                  --markdown  print the element catalog in Markdown (this is how docs/elements.md is made)""";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws UsageException {
        if (arguments.equals(List.of("--markdown"))) {
            ElementText.markdown(pipelines.get().elements(), out);
            return 0;
        }
        if (arguments.isEmpty()) {
            Table table = new Table("element", "category", "summary");
            for (ElementDescription element : pipelines.get().elements()) {
                table.row(element.name(), element.category(), element.summary());
            }
            table.print(out);
            out.println();
            out.println("./parallax inspect <element> describes one.");
            return 0;
        }
        if (arguments.size() != 1) {
            throw new UsageException("inspect takes at most one element or plugin id, got " + arguments.size() + ".");
        }
        String id = arguments.getFirst();
        Optional<ElementDescription> element = pipelines.get().element(id);
        element.ifPresent(description -> {
            ElementText.print(description, out);
            out.println();
        });
        List<PluginInfo> versions = registry.find(PluginQuery.id(id));
        if (versions.isEmpty()) {
            if (element.isPresent()) {
                return 0;
            }
            List<String> known =
                    registry.plugins().stream().map(PluginInfo::id).distinct().toList();
            out.println("No element or plugin '" + id + "'"
                    + (known.isEmpty() ? "." : "; known: " + String.join(", ", known) + "."));
            return 1;
        }
        PluginDescriptor chosen = versions.getFirst().descriptor();
        out.println("Plugin " + id);
        out.println("  capability:   " + chosen.capability());
        out.println("  description:  " + (chosen.description().isEmpty() ? "-" : chosen.description()));
        out.println("  licence:      " + (chosen.license().isEmpty() ? "-" : chosen.license()));
        out.println("  runtime ABI:  " + registry.abi());
        out.println("  versions:");
        boolean first = true;
        for (PluginInfo plugin : versions) {
            out.println("    " + plugin.version() + (first ? " (chosen)" : " (standby)") + ", ABI "
                    + plugin.descriptor().abi() + ", bundle " + plugin.bundleSymbolicName() + " [" + plugin.bundleId()
                    + "], service " + plugin.serviceId() + ", ranking " + plugin.ranking());
            first = false;
        }
        return 0;
    }
}
