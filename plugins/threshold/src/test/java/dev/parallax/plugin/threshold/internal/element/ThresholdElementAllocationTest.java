package dev.parallax.plugin.threshold.internal.element;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.pipeline.Element;
import dev.parallax.plugin.threshold.internal.kernels.Fixtures;
import dev.parallax.plugin.threshold.internal.kernels.Kernels;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Once warm, a buffer through {@code threshold} allocates no pixel memory: only the few small objects of a loan
 * (the pool's handle, two image views, the metadata), a bounded number of bytes whatever the frame size. Measured
 * with the thread's allocation counter on 320x240 frames (76,800 bytes), in rounds until the JIT has compiled the
 * kernels (see the kernels' ZeroAllocationTest), in a JVM of its own.
 */
class ThresholdElementAllocationTest {
    private static final int CALLS = 200;
    private static final int ROUNDS = 100;

    /** The most bytes a buffer may cost: a loan's objects, about 200 bytes, with room for the counter's noise. */
    private static final long BOUND = 512;

    @Test
    void warmElement_allocatesOnlyAFewSmallObjectsPerBuffer() throws Exception {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof ThreadMXBean);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        Kernels best = ThresholdRun.kernels().getLast();
        ThresholdElementFactory factory = ThresholdRun.factory(best);
        Gray8 frame = Fixtures.random(320, 240, 1);
        Format in = new Gray8Format(320, 240, 333).format();
        Object[][] configurations = {{}, {"decimate", true}, {"method", "mean"}, {"method", "mean", "decimate", true}};
        // the inputs come from a pool too, as a camera's would: the measure is the element's, not the test's
        try (MemoryPool frames = TestRuntime.MEMORY.createPool(PoolConfig.of("frames", 2, 240 * 333))) {
            Gray8Format image = Gray8Format.of("test", in);
            try (Buffer first = frames.loan();
                    Buffer second = frames.loan()) {
                frame.copyTo(image.view("test", first));
                frame.copyTo(image.view("test", second));
            }
            for (Object[] properties : configurations) {
                Element element = factory.create(TestProperties.of(factory.description(), properties));
                Format out = element.negotiate(List.of(in), 1).getFirst();
                TestRuntime.Recording output = new TestRuntime.Recording();
                element.start(new TestRuntime.Context("threshold0", List.of(in), List.of(out)));
                long perBuffer = Long.MAX_VALUE;
                try {
                    for (int round = 0; round < ROUNDS && perBuffer >= BOUND / 2; round++) {
                        long before = threads.getCurrentThreadAllocatedBytes();
                        for (int n = 0; n < CALLS; n++) {
                            element.process(0, frames.loan(), output);
                            output.buffers.removeLast().release();
                        }
                        perBuffer = (threads.getCurrentThreadAllocatedBytes() - before) / CALLS;
                    }
                } finally {
                    element.stop();
                }
                System.out.println("threshold " + List.of(properties) + " "
                        + best.tile().impl() + ": " + perBuffer + " B per buffer");
                assertTrue(
                        perBuffer < BOUND,
                        "threshold " + List.of(properties) + " allocates " + perBuffer + " B per buffer");
            }
        }
    }
}
