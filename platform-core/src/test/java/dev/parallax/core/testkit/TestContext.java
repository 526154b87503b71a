package dev.parallax.core.testkit;

import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.ElementContext;
import java.util.ArrayList;
import java.util.List;

/** A context for an element in pipeline {@code test}, never stopping, that keeps or refuses warnings. */
public class TestContext implements ElementContext {
    /** The warnings posted, in order (only in a context that keeps them). */
    public final List<String> warnings = new ArrayList<>();

    private final String name;
    private final List<Format> inputs;
    private final List<Format> outputs;
    private final MemoryService memory;
    private final boolean strict;

    /**
     * @param strict whether a warning fails the test ({@link AssertionError}) rather than being kept
     */
    public TestContext(String name, List<Format> inputs, List<Format> outputs, MemoryService memory, boolean strict) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.memory = memory;
        this.strict = strict;
    }

    /** A context whose warnings fail the test, over {@link ElementTests#memory()}. */
    public static TestContext strict(String name, List<Format> inputs, List<Format> outputs) {
        return new TestContext(name, inputs, outputs, ElementTests.memory(), true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String pipeline() {
        return "test";
    }

    @Override
    public List<Format> inputs() {
        return inputs;
    }

    @Override
    public List<Format> outputs() {
        return outputs;
    }

    @Override
    public MemoryService memory() {
        return memory;
    }

    @Override
    public void warn(String message) {
        if (strict) {
            throw new AssertionError("unexpected warning: " + message);
        }
        warnings.add(message);
    }

    @Override
    public boolean isStopping() {
        return false;
    }
}
