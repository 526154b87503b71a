package dev.parallax.core.internal.pipeline.elements;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.core.internal.memory.MemoryServiceImpl;
import dev.parallax.core.internal.pipeline.graph.PropertyValuesImpl;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What an element needs to run outside a pipeline: memory, a context, an output that records what is pushed. */
final class Harness {
    private Harness() {}

    /** The runtime's memory service over the real system, configured as by default. */
    static MemoryService memory() {
        return new MemoryServiceImpl(new MemoryServiceImpl.Config() {
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
    }

    /** Checked properties of an element, the defaults filled in. */
    static PropertyValues properties(ElementDescription description, Map<String, ?> given) {
        return PropertyValuesImpl.of(description.name() + "0", description, given);
    }

    /** A context for an element called {@code name} in pipeline {@code test}. */
    static ElementContext context(String name, MemoryService memory) {
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
                return List.of();
            }

            @Override
            public List<Format> outputs() {
                return List.of();
            }

            @Override
            public MemoryService memory() {
                return memory;
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

    /** An output that keeps every buffer pushed to it, in order; the test releases them. */
    static final class Recorder implements Output {
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

        /** The only buffer pushed since the last call, taken out. */
        Buffer take() {
            if (buffers.size() != 1) {
                throw new AssertionError("expected one buffer, got " + buffers.size());
            }
            return buffers.removeFirst();
        }

        /** Every buffer's bytes, in order, and releases them. */
        byte[] drain() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (Buffer buffer : buffers) {
                bytes.writeBytes(buffer.segment().toArray(ValueLayout.JAVA_BYTE));
                buffer.release();
            }
            buffers.clear();
            return bytes.toByteArray();
        }
    }
}
