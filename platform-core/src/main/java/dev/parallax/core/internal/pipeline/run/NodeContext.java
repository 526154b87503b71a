package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.core.internal.pipeline.PlanNode;
import java.util.List;

/** What a running element gets from the runtime: its names, its formats, memory, warnings and the stop flag. */
final class NodeContext implements ElementContext {
    private final PlanNode node;
    private final Run run;

    NodeContext(PlanNode node, Run run) {
        this.node = node;
        this.run = run;
    }

    @Override
    public String name() {
        return node.name();
    }

    @Override
    public String pipeline() {
        return run.pipeline;
    }

    @Override
    public List<Format> inputs() {
        return node.inputs();
    }

    @Override
    public List<Format> outputs() {
        return node.outputs();
    }

    @Override
    public MemoryService memory() {
        return run.memory;
    }

    @Override
    public void warn(String message) {
        run.warn(node.name(), message);
    }

    @Override
    public boolean isStopping() {
        return !run.flowing();
    }
}
