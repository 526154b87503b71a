package dev.parallax.core.internal.pipeline.ipc;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test stand-ins for what the runtime gives an element: checked properties, a context, an output. */
final class Elements {
    private Elements() {}

    /** The description's properties with {@code given} values, checked and completed with defaults. */
    static PropertyValues properties(ElementDescription description, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertySpec spec : description.properties()) {
            Object value = given.getOrDefault(spec.name(), spec.defaultValue());
            if (value == null) {
                throw new IllegalArgumentException(
                        "Element '" + description.name() + "' needs property '" + spec.name() + "'");
            }
            values.put(spec.name(), spec.check(value));
        }
        return new PropertyValues() {
            @Override
            public Map<String, Object> asMap() {
                return values;
            }

            @Override
            public long integer(String name) {
                return (Long) values.get(name);
            }

            @Override
            public double decimal(String name) {
                return (Double) values.get(name);
            }

            @Override
            public boolean bool(String name) {
                return (Boolean) values.get(name);
            }

            @Override
            public String string(String name) {
                return (String) values.get(name);
            }
        };
    }

    /** A context that is never stopping; memory is not used by the IPC elements. */
    static ElementContext context(String name, List<Format> inputs, List<Format> outputs) {
        return new ElementContext() {
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
                throw new UnsupportedOperationException("the IPC elements use no pool of the memory service");
            }

            @Override
            public void warn(String message) {}

            @Override
            public boolean isStopping() {
                return false;
            }
        };
    }

    /** An output that keeps what is pushed to pad 0. */
    static final class Collected implements Output {
        final List<Buffer> buffers = new ArrayList<>();

        @Override
        public void push(Buffer buffer) {
            buffers.add(buffer);
        }

        @Override
        public void push(int pad, Buffer buffer) {
            if (pad != 0) {
                throw new IndexOutOfBoundsException("one pad: " + pad);
            }
            push(buffer);
        }

        @Override
        public int pads() {
            return 1;
        }
    }
}
