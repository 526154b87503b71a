package dev.parallax.core.internal.memory;

import dev.parallax.api.buffer.Allocator;
import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.buffer.SegmentKind;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buffers each in a region of its own, freed (its arena closed) when the last handle over it is released: a
 * segment kept past that fails instead of reading freed memory. Heap buffers are left to the garbage collector.
 */
final class StandaloneAllocator implements Allocator {
    private static final System.Logger LOG = System.getLogger(StandaloneAllocator.class.getName());

    private final Regions regions;
    private final Backing backing;
    private final SegmentKind kind;
    private final AtomicLong allocations = new AtomicLong();
    private final AtomicBoolean fallbackLogged = new AtomicBoolean();

    StandaloneAllocator(Regions regions, Backing backing) {
        this.regions = regions;
        this.backing = backing;
        this.kind = backing instanceof Backing.HugePages && !regions.hugePages().available()
                ? SegmentKind.NATIVE
                : backing.kind();
    }

    @Override
    public SegmentKind kind() {
        return kind;
    }

    @Override
    public Buffer allocate(long byteSize, long alignment) {
        if (byteSize < 1) {
            throw new IllegalArgumentException("Buffer size must be at least 1 byte: " + byteSize);
        }
        if (alignment < 1 || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("Buffer alignment must be a power of two: " + alignment);
        }
        long number = allocations.incrementAndGet();
        String name = backing.kind().name().toLowerCase(Locale.ROOT) + " allocation " + number;
        Region region = regions.open(backing, byteSize, alignment, name);
        if (!region.note().isEmpty() && fallbackLogged.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, region.note());
        }
        Allocation allocation = new Allocation(region, name);
        allocation.lend();
        return new BufferHandle(allocation, region.segment(), 0, 0, Metadata.EMPTY);
    }

    /** One allocation's region and its count of handles. */
    private static final class Allocation extends Lease {
        private final Region region;
        private final String name;
        private volatile boolean open = true;

        Allocation(Region region, String name) {
            super(new int[1], 0);
            this.region = region;
            this.name = name;
        }

        @Override
        protected boolean isOpen() {
            return open;
        }

        @Override
        protected void reclaim() {
            open = false;
            region.close();
        }

        @Override
        protected String describe() {
            return name;
        }
    }
}
