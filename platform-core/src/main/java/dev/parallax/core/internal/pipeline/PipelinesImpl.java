package dev.parallax.core.internal.pipeline;

import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.Pipeline;
import dev.parallax.api.pipeline.PipelineBuilder;
import dev.parallax.api.pipeline.Pipelines;
import dev.parallax.api.plugin.PluginEvent;
import dev.parallax.api.plugin.PluginListener;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.core.internal.pipeline.graph.GraphSpec;
import dev.parallax.core.internal.pipeline.graph.PipelineBuilderImpl;
import dev.parallax.core.internal.pipeline.graph.PipelineParser;
import dev.parallax.core.internal.pipeline.graph.PlanRenderer;
import dev.parallax.core.internal.pipeline.graph.Planner;
import dev.parallax.core.internal.pipeline.graph.RegistryCatalog;
import dev.parallax.core.internal.pipeline.run.PipelineRunner;
import dev.parallax.core.internal.pipeline.run.RunningPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The pipeline engine as a service: plans graphs from text or a builder with the elements the registry offers, runs
 * them, keeps them until closed, and moves running elements to a new version of their plugin when the registry
 * chooses another one (hot swap).
 *
 * <p>A delayed component: the engine, its memory service and its watchdog start when something first uses {@link
 * Pipelines}, not with the platform. It hears the registry only from then on, registering its {@link
 * PluginListener} itself rather than as a whiteboard service of this component (the registry would get that
 * service at once, and so activate the engine on every start-up); before it exists, there is no pipeline to swap.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = Pipelines.class)
public final class PipelinesImpl implements Pipelines, PluginListener {
    private final ElementCatalog catalog;
    private final Planner planner;
    private final PipelineRunner runner;
    private final AtomicInteger numbers = new AtomicInteger();
    private final List<Kept> kept = new ArrayList<>();
    private final ServiceRegistration<PluginListener> listening; // null outside a framework

    @Activate
    public PipelinesImpl(BundleContext context, @Reference PluginRegistry registry, @Reference MemoryService memory) {
        this(new RegistryCatalog(registry), memory, context);
    }

    /** An engine over any catalog: for tests and benchmarks that run without a framework. */
    public PipelinesImpl(ElementCatalog catalog, MemoryService memory) {
        this(catalog, memory, null);
    }

    private PipelinesImpl(ElementCatalog catalog, MemoryService memory, BundleContext context) {
        this.catalog = catalog;
        this.planner = new Planner(catalog);
        this.runner = new PipelineRunner(
                memory, dev.parallax.core.internal.pipeline.run.PlanPrinter.of(PlanRenderer::dot, PlanRenderer::json));
        // Last: every other field is set before the registry's thread can call pluginChanged.
        this.listening = context == null ? null : context.registerService(PluginListener.class, this, null);
    }

    /** Cancels and closes every pipeline. */
    @Deactivate
    public void deactivate() {
        if (listening != null) {
            listening.unregister();
        }
        List<Kept> all;
        synchronized (kept) {
            all = List.copyOf(kept);
            kept.clear();
        }
        all.forEach(pipeline -> pipeline.running().close());
        runner.close();
    }

    @Override
    public Pipeline parse(String description) {
        return assemble(Optional.empty(), PipelineParser.parse(description));
    }

    @Override
    public PipelineBuilder builder() {
        return new PipelineBuilderImpl(catalog, this::assemble);
    }

    private Pipeline assemble(Optional<String> name, GraphSpec graph) {
        Plan plan = planner.plan(name.orElseGet(() -> "pipeline" + numbers.getAndIncrement()), graph);
        RunningPipeline running;
        try {
            running = runner.create(plan);
        } catch (RuntimeException e) {
            plan.nodes().forEach(node -> node.factory().close());
            throw e;
        }
        Kept pipeline = new Kept(running, this::forget);
        synchronized (kept) {
            kept.add(pipeline);
        }
        return pipeline;
    }

    private void forget(Kept pipeline) {
        synchronized (kept) {
            kept.remove(pipeline);
        }
    }

    @Override
    public List<ElementDescription> elements() {
        return catalog.elements();
    }

    @Override
    public Optional<ElementDescription> element(String name) {
        return catalog.elements().stream()
                .filter(element -> element.name().equals(name))
                .findFirst();
    }

    @Override
    public List<Pipeline> pipelines() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    /**
     * When the registry chooses another version of an element's plugin, each pipeline that runs that element moves
     * to it (each pipeline gets its own handle on the factory, which it closes when done with it).
     *
     * <p>The registry says REPLACED when the new version appears beside the chosen one (the deploy folder installs
     * an update beside the running bundle) or the chosen one goes while another remains. An update in place (a
     * {@code Bundle.update}, or the deploy folder with {@code bsnversion=managed} and a rebuild of the same version)
     * removes the old service before the new one registers: REMOVED, then only ADDED. So an ADDED element moves
     * running pipelines too, to whichever version the registry chooses now; nodes that already run it are left
     * alone, so an ADDED that is not chosen (an older version) moves nothing, and the ADDED before a REPLACED only
     * offers the same version twice.
     */
    @Override
    public void pluginChanged(PluginEvent event) {
        boolean chosenMayHaveChanged =
                event.type() == PluginEvent.Type.REPLACED || event.type() == PluginEvent.Type.ADDED;
        if (!chosenMayHaveChanged
                || !ElementFactory.CAPABILITY.equals(event.plugin().capability())) {
            return;
        }
        String element = event.plugin().id();
        for (Pipeline pipeline : pipelines()) {
            RunningPipeline running = ((Kept) pipeline).running();
            catalog.resolve(element).ifPresent(newer -> running.offerSwap(element, newer));
        }
    }
}
