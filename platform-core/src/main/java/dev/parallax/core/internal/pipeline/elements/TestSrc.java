package dev.parallax.core.internal.pipeline.elements;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.MemoryPool;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.api.pipeline.Source;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code testsrc}: loans a slot, writes what changes, stamps the sequence number, pushes.
 *
 * <p>The per-buffer path allocates nothing but the buffer's metadata (the pool's loan makes the handle): patterns
 * that do not change from buffer to buffer are written into every slot once, at start, unless {@code refill}.
 */
final class TestSrc implements Source {
    private enum Pattern {
        ZERO,
        COUNTER,
        RANDOM,
        RAMP
    }

    private final long numBuffers;
    private final Format format;
    private final long slotSize;
    private final long row;
    private final Pattern pattern;
    private final long seed;
    private final int poolSize;
    private final boolean refill;
    // what produce() writes into each buffer, decided once
    private final boolean writeAll;
    private final boolean writeCounter;
    private final boolean writeRandom;

    private MemoryPool pool;
    private Metadata metadata;
    private long sequence;

    TestSrc(PropertyValues properties) {
        numBuffers = properties.integer("num-buffers");
        pattern = Pattern.valueOf(properties.string("pattern").toUpperCase(Locale.ROOT));
        seed = properties.integer("seed");
        poolSize = properties.intValue("pool-size");
        refill = properties.bool("refill");
        if (properties.string("format").equals("gray8")) {
            long width = properties.integer("width");
            long height = properties.integer("height");
            format = new Format("gray8", Map.of("width", "" + width, "height", "" + height, "stride", "" + width));
            slotSize = width * height;
            row = width;
        } else {
            format = Format.BYTES;
            slotSize = properties.integer("size");
            row = slotSize;
        }
        writeAll = refill && pattern != Pattern.RANDOM;
        writeCounter = !refill && pattern == Pattern.COUNTER;
        writeRandom = pattern == Pattern.RANDOM;
    }

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        if (!inputs.isEmpty() || outputs != 1) {
            throw new IllegalArgumentException(
                    "testsrc has no input and one output, not " + inputs.size() + " and " + outputs);
        }
        return List.of(format);
    }

    @Override
    public void start(ElementContext context) throws InterruptedException {
        pool = context.memory().createPool(Slots.config(context, poolSize, slotSize));
        metadata = Metadata.EMPTY.withFormat(format);
        sequence = 0;
        if (!refill && pattern != Pattern.RANDOM) {
            Buffer[] slots = new Buffer[poolSize];
            try {
                for (int i = 0; i < poolSize; i++) {
                    slots[i] = pool.loan();
                    write(slots[i].segment(), 0);
                }
            } finally {
                for (Buffer slot : slots) {
                    if (slot != null) {
                        slot.release();
                    }
                }
            }
        }
    }

    @Override
    public boolean produce(Output output) throws InterruptedException {
        if (numBuffers >= 0 && sequence >= numBuffers) {
            return false;
        }
        Buffer buffer = pool.loan();
        if (writeAll) {
            write(buffer.segment(), sequence);
        } else if (writeCounter) {
            Patterns.counter(buffer.segment(), sequence);
        } else if (writeRandom) {
            Patterns.random(buffer.segment(), seed, sequence);
        }
        buffer.setMetadata(metadata.withSequence(sequence));
        sequence++;
        output.push(buffer);
        return numBuffers < 0 || sequence < numBuffers;
    }

    private void write(MemorySegment segment, long number) {
        switch (pattern) {
            case ZERO -> segment.fill((byte) 0);
            case COUNTER -> {
                segment.fill((byte) 0);
                Patterns.counter(segment, number);
            }
            case RANDOM -> Patterns.random(segment, seed, number);
            case RAMP -> Patterns.ramp(segment, row);
        }
    }

    @Override
    public void stop() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
