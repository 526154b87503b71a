package dev.parallax.plugin.threshold.internal.kernels;

import dev.parallax.api.image.Gray8;

/** The checks every kernel makes once per call, before touching a pixel. */
final class Checks {
    private Checks() {}

    /** {@code dst} can be written and shares no byte with {@code src}. */
    static void separateWritable(String kernel, Gray8 src, Gray8 dst) {
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException(kernel + ": the destination " + dst + " is read-only");
        }
        if (src.overlaps(dst)) {
            throw new IllegalArgumentException(kernel + ": the destination " + dst + " overlaps the source " + src
                    + "; give the kernel separate images");
        }
    }

    /** As {@link #separateWritable}, and the images have the same width and height. */
    static void sameSize(String kernel, Gray8 src, Gray8 dst) {
        if (!src.sameSize(dst)) {
            throw new IllegalArgumentException(kernel + ": the destination is " + dst.width() + "x" + dst.height()
                    + " but the source is " + src.width() + "x" + src.height() + "; they must be the same size");
        }
        separateWritable(kernel, src, dst);
    }

    /** As {@link #separateWritable}, and {@code dst} is half of {@code src}, rounded up, in both directions. */
    static void halfSize(Gray8 src, Gray8 dst) {
        int w = (src.width() + 1) / 2;
        int h = (src.height() + 1) / 2;
        if (dst.width() != w || dst.height() != h) {
            throw new IllegalArgumentException("Decimate: the destination is " + dst.width() + "x" + dst.height()
                    + " but decimating a " + src.width() + "x" + src.height() + " source by 2 gives " + w + "x" + h);
        }
        separateWritable("Decimate", src, dst);
    }
}
