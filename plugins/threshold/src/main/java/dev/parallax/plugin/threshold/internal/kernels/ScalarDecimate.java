package dev.parallax.plugin.threshold.internal.kernels;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.parallax.api.image.Decimate;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.image.KernelImpl;
import java.lang.foreign.MemorySegment;

/** 2x decimation one pixel at a time, as AprilTag 3's {@code image_u8_decimate(im, 2)}: every other pixel. */
final class ScalarDecimate implements Decimate {

    @Override
    public void decimate2(Gray8 src, Gray8 dst) {
        Checks.halfSize(src, dst);
        MemorySegment in = src.pixels();
        MemorySegment out = dst.pixels();
        for (int y = 0; y < dst.height(); y++) {
            long inRow = 2L * y * src.stride();
            long outRow = (long) y * dst.stride();
            for (int x = 0; x < dst.width(); x++) {
                out.set(JAVA_BYTE, outRow + x, in.get(JAVA_BYTE, inRow + 2L * x));
            }
        }
    }

    @Override
    public String toString() {
        return "scalar decimate";
    }

    @Override
    public KernelImpl impl() {
        return KernelImpl.SCALAR;
    }
}
