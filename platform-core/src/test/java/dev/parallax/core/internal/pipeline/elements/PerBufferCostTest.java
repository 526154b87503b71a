package dev.parallax.core.internal.pipeline.elements;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.MemoryService;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.Source;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What testsrc, identity and fakesink allocate per buffer when chained on one thread: the pool's handle and the
 * metadata with the sequence number, nothing of their own.
 */
class PerBufferCostTest {
    /** Pushes straight into the next element, as the executor does for elements on one thread. */
    private record Direct(Element next, Output downstream) implements Output {
        @Override
        public void push(Buffer buffer) {
            try {
                next.process(0, buffer, downstream);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void push(int pad, Buffer buffer) {
            push(buffer);
        }

        @Override
        public int pads() {
            return 1;
        }
    }

    @Test
    void sourceIdentitySink_allocateOnlyTheHandleAndMetadataPerBuffer() throws Exception {
        MemoryService memory = Harness.memory();
        Source source = (Source) new TestSrcFactory()
                .create(Harness.properties(TestSrcFactory.DESCRIPTION, Map.of("pattern", "counter", "size", 64)));
        Element identity = new IdentityFactory().create(Harness.properties(IdentityFactory.DESCRIPTION, Map.of()));
        Element sink = new FakeSinkFactory().create(Harness.properties(FakeSinkFactory.DESCRIPTION, Map.of()));
        source.start(Harness.context("testsrc0", memory));
        sink.start(Harness.context("fakesink0", memory));
        Output chain = new Direct(identity, new Direct(sink, null));
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        for (int i = 0; i < 200_000; i++) { // warm up: let the JIT compile the path
            source.produce(chain);
        }
        int buffers = 1_000_000;
        long before = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        for (int i = 0; i < buffers; i++) {
            source.produce(chain);
        }
        long nanos = System.nanoTime() - start;
        long perBuffer = (threads.getThreadAllocatedBytes(thread) - before) / buffers;
        source.stop();
        System.out.printf(
                "testsrc ! identity ! fakesink, called directly: %d bytes and %.1f ns per buffer%n",
                perBuffer, (double) nanos / buffers);
        // the handle and the Metadata are 48 bytes each with compressed pointers; anything more of our own would
        // be at least another 16
        assertTrue(perBuffer <= 104, perBuffer + " bytes allocated per buffer");
    }
}
