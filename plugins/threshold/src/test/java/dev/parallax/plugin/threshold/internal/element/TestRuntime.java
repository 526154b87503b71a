package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import dev.parallax.core.internal.memory.MemoryServiceImpl;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/** What the runtime gives an element, for driving one by hand: memory, a context and an output that records. */
final class TestRuntime {
    /** The runtime's own memory service, as a pipeline gets it. */
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

    private TestRuntime() {}

    /** An element's context in a pipeline called {@code test}; warnings are kept. */
    static final class Context implements ElementContext {
        final List<String> warnings = new ArrayList<>();
        private final String name;
        private final List<Format> inputs;
        private final List<Format> outputs;

        Context(String name, List<Format> inputs, List<Format> outputs) {
            this.name = name;
            this.inputs = List.copyOf(inputs);
            this.outputs = List.copyOf(outputs);
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
            return MEMORY;
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public boolean isStopping() {
            return false;
        }
    }

    /** One output pad that keeps what is pushed to it. */
    static final class Recording implements Output {
        final List<Buffer> buffers = new ArrayList<>();

        @Override
        public void push(Buffer buffer) {
            buffers.add(buffer);
        }

        @Override
        public void push(int pad, Buffer buffer) {
            if (pad != 0) {
                throw new IndexOutOfBoundsException("One output pad; no pad " + pad);
            }
            push(buffer);
        }

        @Override
        public int pads() {
            return 1;
        }

        /** Takes the one buffer pushed. */
        Buffer only() {
            if (buffers.size() != 1) {
                throw new AssertionError("expected one buffer, got " + buffers.size());
            }
            return buffers.removeFirst();
        }
    }

    /**
     * {@code image} in a native buffer whose rows are {@code padding} bytes longer than the width (the padding 0x5A),
     * stamped with its gray8 format and {@code sequence}.
     */
    static Buffer gray8(Gray8 image, int padding, long sequence) {
        Gray8Format format = new Gray8Format(image.width(), image.height(), image.width() + padding);
        Buffer buffer = MEMORY.allocator(Backing.NATIVE).allocate(format.byteSize());
        buffer.segment().fill((byte) 0x5A);
        image.copyTo(format.view("test", buffer));
        buffer.setMetadata(Metadata.EMPTY.withSequence(sequence).withFormat(format.format()));
        return buffer;
    }

    /** The pixels of a packed gray8 buffer, width x height bytes; releases the buffer. */
    static byte[] pixels(Buffer buffer, int width, int height) {
        try (buffer) {
            return Gray8Format.packed(width, height).view("test", buffer).toArray();
        }
    }
}
