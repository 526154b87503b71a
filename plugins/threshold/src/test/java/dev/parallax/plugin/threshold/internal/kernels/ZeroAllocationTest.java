package dev.parallax.plugin.threshold.internal.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import dev.parallax.api.image.Decimate;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.MeanThresholdParams;
import dev.parallax.api.image.TileThresholdParams;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Once warm, a kernel call allocates nothing: scratch comes from the kernel's pool. Measured with the thread's
 * allocation counter in rounds of calls until the JIT has compiled (and scalar-replaced) the vector code, which on
 * a busy machine takes a while; a few bytes per call of slack absorb the counter's own noise.
 */
class ZeroAllocationTest {
    private static final int CALLS = 500;
    private static final int ROUNDS = 100;

    @Test
    void warmKernels_allocateNothingPerCall() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof ThreadMXBean);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        List<Kernels> all = new ArrayList<>(AprilTagCompatibilityTest.kernels());
        Gray8 src = Fixtures.random(200, 150, 1);
        Gray8 dst = Gray8.allocate(200, 150);
        Gray8 half = Gray8.allocate(100, 75);
        MeanThresholdParams mean = new MeanThresholdParams(15, 5);
        for (Kernels k : all) {
            Runnable[] calls = {
                () -> k.tile().threshold(src, dst, TileThresholdParams.APRILTAG),
                () -> k.mean().threshold(src, dst, mean),
                () -> k.decimate().decimate2(src, half)
            };
            String[] names = {"tile", "mean", "decimate"};
            for (int i = 0; i < calls.length; i++) {
                // "warm" means compiled by C2, which happens in the background: measure rounds until one is clean
                long perCall = Long.MAX_VALUE;
                for (int round = 0; round < ROUNDS && perCall >= 16; round++) {
                    long before = threads.getCurrentThreadAllocatedBytes();
                    for (int n = 0; n < CALLS; n++) {
                        calls[i].run();
                    }
                    perCall = (threads.getCurrentThreadAllocatedBytes() - before) / CALLS;
                }
                assertTrue(perCall < 16, k.tile().impl() + " " + names[i] + " allocates " + perCall + " B per call");
            }
        }
        assertTrue(Decimate.halfSize(200) == half.width());
    }
}
