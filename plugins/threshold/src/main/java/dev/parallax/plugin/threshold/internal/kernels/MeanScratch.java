package dev.parallax.plugin.threshold.internal.kernels;

/** Scratch of the mean threshold: column sums and a row prefix sum. Grows, never shrinks. */
final class MeanScratch {
    /** Per pixel of the row: the sum of the block's column of pixels above and below it. */
    int[] column = new int[0];

    /** {@code prefix[i]} is the sum of the first {@code i} column sums of the border-replicated row. */
    int[] prefix = new int[0];

    void ensure(int width, int blockSize) {
        if (column.length < width) {
            column = new int[width];
        }
        if (prefix.length < width + blockSize) {
            prefix = new int[width + blockSize];
        }
    }
}
