package dev.parallax.plugin.threshold.internal.element;

import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.PoolConfig;
import dev.parallax.api.image.Decimate;
import dev.parallax.api.image.Gray8;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import java.time.Duration;
import java.util.List;

/**
 * One {@code threshold} in a pipeline: each gray8 buffer in, its binarized image out, from a pool loaned at start.
 *
 * <p>Every decision is made before the first buffer: the kernel and its parameters are bound into {@link Binarizer}
 * by the factory, the sizes are fixed by {@link #negotiate}, and the pool and the decimation scratch are made by
 * {@link #start}. A buffer then costs one loan, the kernel calls and a few small objects (the handle, two image
 * views, the metadata): no pixel memory and no service lookup.
 */
final class ThresholdElement implements Element {
    /**
     * Output frames per element: enough for the next elements and their queues to hold some while this one works on
     * the next. A loan waits while all are downstream, up to {@link #LOAN_WAIT}.
     */
    static final int POOL_SLOTS = 8;

    /** How long a loan waits for a frame to come back before the element fails, naming its pool. */
    static final Duration LOAN_WAIT = Duration.ofSeconds(10);

    /** A thresholding kernel with its parameters bound. */
    @FunctionalInterface
    interface Binarizer {
        void apply(Gray8 src, Gray8 dst);
    }

    private final Binarizer binarizer;
    private final Decimate decimator;
    private final int tileSize;

    private Gray8Format in;
    private Gray8Format half;
    private Gray8Format out;
    private Format outFormat;

    private String name = "threshold";
    private MemoryPool pool;
    private Buffer scratchBuffer;
    private Gray8 scratch;

    /**
     * @param binarizer the kernel and its parameters
     * @param decimator the decimation kernel, or {@code null} not to decimate
     * @param tileSize the tile size when the method is {@code tile}, else 0: an image smaller than one tile is warned
     *     about
     */
    ThresholdElement(Binarizer binarizer, Decimate decimator, int tileSize) {
        this.binarizer = binarizer;
        this.decimator = decimator;
        this.tileSize = tileSize;
    }

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(
                    "Element 'threshold' has one input pad, but " + inputs.size() + " inputs were linked");
        }
        in = Gray8Format.of("threshold", inputs.getFirst());
        half = decimator == null
                ? null
                : Gray8Format.packed(Decimate.halfSize(in.width()), Decimate.halfSize(in.height()));
        out = Gray8Format.packed(half == null ? in.width() : half.width(), half == null ? in.height() : half.height());
        outFormat = out.format();
        return List.of(outFormat);
    }

    @Override
    public void start(ElementContext context) {
        name = context.name();
        pool = context.memory()
                .createPool(PoolConfig.of(name, POOL_SLOTS, out.packedSize()).waitWhenExhausted(LOAN_WAIT));
        if (half != null) {
            scratchBuffer = context.memory().allocator(Backing.NATIVE).allocate(half.packedSize());
            scratch = half.view(name, scratchBuffer);
        }
        if (tileSize > 0 && (out.width() < tileSize || out.height() < tileSize)) {
            context.warn("Element '" + name + "' thresholds " + out.width() + "x" + out.height()
                    + " images, smaller than one " + tileSize + "x" + tileSize
                    + " tile: every pixel becomes 127 (unknown); lower tile-size");
        }
    }

    @Override
    public void process(int input, Buffer buffer, Output output) throws InterruptedException {
        Buffer result;
        try (buffer) {
            Gray8 src = in.view(name, buffer);
            result = pool.loan();
            try {
                Gray8 dst = new Gray8(result.segment(), out.width(), out.height(), out.stride());
                if (scratch == null) {
                    binarizer.apply(src, dst);
                } else {
                    decimator.decimate2(src, scratch);
                    binarizer.apply(scratch, dst);
                }
                result.setMetadata(buffer.metadata().withFormat(outFormat));
            } catch (RuntimeException e) {
                result.release();
                throw e;
            }
        }
        output.push(result);
    }

    @Override
    public void stop() {
        if (scratchBuffer != null) {
            scratchBuffer.release();
            scratchBuffer = null;
            scratch = null;
        }
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
