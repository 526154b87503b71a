package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Metadata;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buffers on the heap that count themselves: every loan, every handle (loans, shares, slices) and every release,
 * so that a test can tell that each handle was released exactly once, and how many loans were out at most.
 *
 * <p>An independent reference for the runtime's buffer handling: it shares no code with the runtime's pools.
 */
final class CountingPool {
    private final int size;
    private final AtomicLong loans = new AtomicLong();
    private final AtomicInteger handlesAlive = new AtomicInteger();
    private final AtomicInteger loansAlive = new AtomicInteger();
    private final AtomicInteger mostLoansAlive = new AtomicInteger();
    private final AtomicInteger doubleReleases = new AtomicInteger();
    private final AtomicInteger staleUses = new AtomicInteger();

    CountingPool(int size) {
        this.size = size;
    }

    /** A new buffer of {@code size} bytes. */
    Buffer loan() {
        loans.incrementAndGet();
        mostLoansAlive.accumulateAndGet(loansAlive.incrementAndGet(), Math::max);
        return new Handle(new Loan(MemorySegment.ofArray(new byte[size])), null, Metadata.EMPTY);
    }

    long loans() {
        return loans.get();
    }

    /** Handles (loans, shares and slices) not yet released. */
    int handlesAlive() {
        return handlesAlive.get();
    }

    /** Loans with a handle not yet released. */
    int loansAlive() {
        return loansAlive.get();
    }

    /** The most loans alive at any one time. */
    int mostLoansAlive() {
        return mostLoansAlive.get();
    }

    /** Releases of a handle already released. */
    int doubleReleases() {
        return doubleReleases.get();
    }

    /** Reads or shares through a handle already released. */
    int staleUses() {
        return staleUses.get();
    }

    /** Whether every handle was released once and only once, and none was used after its release. */
    String balance() {
        return "handles alive " + handlesAlive() + ", double releases " + doubleReleases() + ", stale uses "
                + staleUses() + " (" + loans() + " loans)";
    }

    private final class Loan {
        final MemorySegment segment;
        final AtomicInteger handles = new AtomicInteger(1);

        Loan(MemorySegment segment) {
            this.segment = segment;
            handlesAlive.incrementAndGet();
        }
    }

    private final class Handle implements Buffer {
        private final Loan loan;
        private final MemorySegment segment;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile Metadata metadata;

        Handle(Loan loan, MemorySegment segment, Metadata metadata) {
            this.loan = loan;
            this.segment = segment == null ? loan.segment : segment;
            this.metadata = metadata;
        }

        @Override
        public MemorySegment segment() {
            live();
            return segment;
        }

        @Override
        public long byteSize() {
            return segment.byteSize();
        }

        @Override
        public Metadata metadata() {
            return metadata;
        }

        @Override
        public void setMetadata(Metadata metadata) {
            live();
            this.metadata = Objects.requireNonNull(metadata);
        }

        @Override
        public Buffer slice(long offset, long length) {
            live();
            return fork(segment.asSlice(offset, length));
        }

        @Override
        public Buffer share() {
            live();
            return fork(segment);
        }

        private Buffer fork(MemorySegment bytes) {
            loan.handles.incrementAndGet();
            handlesAlive.incrementAndGet();
            return new Handle(loan, bytes, metadata);
        }

        @Override
        public boolean isReleased() {
            return released.get();
        }

        @Override
        public void release() {
            if (released.getAndSet(true)) {
                doubleReleases.incrementAndGet();
                throw new IllegalStateException("released twice: " + metadata);
            }
            handlesAlive.decrementAndGet();
            if (loan.handles.decrementAndGet() == 0) {
                loansAlive.decrementAndGet();
            }
        }

        @Override
        public void close() {
            release();
        }

        private void live() {
            if (released.get()) {
                staleUses.incrementAndGet();
                throw new IllegalStateException("used after release: " + metadata);
            }
        }
    }
}
