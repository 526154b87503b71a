package dev.parallax.plugin.forecast.internal.element;

import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.core.internal.memory.MemoryServiceImpl;
import java.lang.annotation.Annotation;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline engine gives an element, for driving one by hand: the runtime's memory service (real buffers,
 * which fail on a second release), property values checked against the element's description as the engine checks
 * them, an element context and an output that records what is pushed.
 */
final class Harness {
    static final MemoryService MEMORY = new MemoryServiceImpl(new MemoryServiceImpl.Config() {
        @Override
        public String shm() {
            return "/dev/shm";
        }

        @Override
        public String hugetlbfs() {
            return "";
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return MemoryServiceImpl.Config.class;
        }
    });

    private Harness() {}

    /** The description's defaults, with {@code name=value} settings parsed by their specs. */
    static PropertyValues properties(ElementDescription description, String... settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertySpec spec : description.properties()) {
            values.put(spec.name(), spec.defaultValue());
        }
        for (String setting : settings) {
            String key = setting.substring(0, setting.indexOf('='));
            PropertySpec spec =
                    description.property(key).orElseThrow(() -> new IllegalArgumentException("no property " + key));
            values.put(key, spec.parse(setting.substring(setting.indexOf('=') + 1)));
        }
        return new PropertyValues() {
            @Override
            public Map<String, Object> asMap() {
                return Map.copyOf(values);
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
                return MEMORY;
            }

            @Override
            public void warn(String message) {
                throw new AssertionError("unexpected warning: " + message);
            }

            @Override
            public boolean isStopping() {
                return false;
            }
        };
    }

    /** A heap buffer holding {@code bytes}, with {@code format}. */
    static Buffer buffer(byte[] bytes, Format format, long sequence) {
        Buffer buffer = MEMORY.allocator(Backing.HEAP).allocate(bytes.length);
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, buffer.segment(), 0, bytes.length);
        buffer.setMetadata(Metadata.EMPTY.withSequence(sequence).withFormat(format));
        return buffer;
    }

    /** A buffer of the values as little-endian float64. */
    static Buffer series(double[] values, Format format) {
        byte[] bytes = new byte[values.length * Double.BYTES];
        MemorySegment segment = MemorySegment.ofArray(bytes);
        for (int i = 0; i < values.length; i++) {
            segment.setAtIndex(F64Series.VALUE, i, values[i]);
        }
        return buffer(bytes, format, 0);
    }

    static String text(Buffer buffer) {
        return new String(buffer.segment().toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }

    /** Records every buffer pushed, in order. */
    static final class Recording implements Output {
        final List<Buffer> buffers = new ArrayList<>();

        @Override
        public void push(Buffer buffer) {
            push(0, buffer);
        }

        @Override
        public void push(int pad, Buffer buffer) {
            if (pad != 0) {
                throw new IndexOutOfBoundsException("one output pad, not " + pad);
            }
            buffers.add(buffer);
        }

        @Override
        public int pads() {
            return 1;
        }
    }
}
