package dev.parallax.core.internal.pipeline.run;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.pipeline.Caps;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.Output;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.api.pipeline.Source;
import dev.parallax.core.internal.pipeline.flow.QueueElement;
import dev.parallax.core.internal.pipeline.flow.QueueElementFactory;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * Small elements for the executor's tests. Each buffer carries its sequence number in its metadata and in its
 * first 8 bytes; a stamping element writes its version into byte 8. Every element counts its starts, stops and
 * ends of stream, so that a test can check that each was called once.
 */
final class TestElements {
    static final Format NUMBERS = Format.of("numbers");
    static final int SIZE = 64;

    private TestElements() {}

    /** Where sources get buffers. */
    @FunctionalInterface
    interface Loaner {
        Buffer loan() throws InterruptedException;
    }

    /** A factory of one element type. */
    static TestFactory factory(
            String name, String version, boolean swappable, Function<PropertyValues, Element> maker) {
        ElementDescription description = ElementDescription.of(name, "Test", "A test element")
                .withPad(PadTemplate.inputs("sink_%u", Caps.ANY))
                .withPad(PadTemplate.outputs("src_%u", Caps.ANY))
                .withSwappable(swappable);
        return new TestFactory(description, version, maker);
    }

    /** The runtime's {@code queue} element, holding at most {@code size} buffers. */
    static TestFactory queue(int size) {
        return new TestFactory(new QueueElementFactory().description(), "1.0.0", p -> new QueueElement(size));
    }

    /** A source that counts up forever, loaning from {@code pool}. */
    static TestFactory endless(Loaner pool) {
        return factory("counter", "1.0.0", true, p -> new Counter(pool, new AtomicLong(), Long.MAX_VALUE));
    }

    static long sequence(Buffer buffer) {
        return buffer.segment().get(JAVA_LONG_UNALIGNED, 0);
    }

    static byte stamp(Buffer buffer) {
        return buffer.segment().get(JAVA_BYTE, 8);
    }

    /** Counts the calls the runtime makes. */
    abstract static class Probe implements Element {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        final AtomicInteger ends = new AtomicInteger();
        volatile ElementContext context;

        @Override
        public List<Format> negotiate(List<Format> inputs, int outputs) {
            return Collections.nCopies(outputs, inputs.isEmpty() ? NUMBERS : inputs.getFirst());
        }

        @Override
        public void start(ElementContext context) throws Exception {
            this.context = context;
            starts.incrementAndGet();
        }

        @Override
        public void endOfStream(Output output) throws Exception {
            ends.incrementAndGet();
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }
    }

    /** Numbers buffers from a counter shared by its instances (so that a swapped source goes on), up to a limit. */
    static final class Counter extends Probe implements Source {
        private final Loaner loaner;
        private final AtomicLong next;
        private final long limit;

        Counter(Loaner loaner, AtomicLong next, long limit) {
            this.loaner = loaner;
            this.next = next;
            this.limit = limit;
        }

        @Override
        public boolean produce(Output output) throws Exception {
            long sequence = next.getAndIncrement();
            if (sequence >= limit) {
                return false;
            }
            Buffer buffer = loaner.loan();
            buffer.segment().set(JAVA_LONG_UNALIGNED, 0, sequence);
            buffer.setMetadata(Metadata.EMPTY.withSequence(sequence).withFormat(NUMBERS));
            output.push(buffer);
            return true;
        }
    }

    /** Passes buffers on, writing its stamp into each, and fails (without releasing) on chosen sequences. */
    static class Relay extends Probe {
        private final byte stamp;
        private final LongPredicate fails;

        Relay(int stamp, LongPredicate fails) {
            this.stamp = (byte) stamp;
            this.fails = fails;
        }

        @Override
        public void process(int input, Buffer buffer, Output output) {
            long sequence = sequence(buffer);
            if (fails.test(sequence)) {
                throw new IllegalStateException("refuses buffer " + sequence);
            }
            if (stamp != 0) {
                buffer.segment().set(JAVA_BYTE, 8, stamp);
            }
            output.push(buffer);
        }
    }

    /** Holds one buffer back, pushing it when the next comes or at the end: an element that is not swappable. */
    static final class Holder extends Probe {
        private final byte stamp;
        private Buffer held;

        Holder(int stamp) {
            this.stamp = (byte) stamp;
        }

        @Override
        public void process(int input, Buffer buffer, Output output) {
            buffer.segment().set(JAVA_BYTE, 8, stamp);
            Buffer previous = held;
            held = buffer;
            if (previous != null) {
                output.push(previous);
            }
        }

        @Override
        public void endOfStream(Output output) throws Exception {
            super.endOfStream(output);
            if (held != null) {
                Buffer last = held;
                held = null;
                output.push(last);
            }
        }

        @Override
        public void stop() {
            super.stop();
            if (held != null) {
                held.release();
                held = null;
            }
        }
    }

    /** Pushes every buffer from any input to its one output. */
    static final class Merge extends Probe {
        final AtomicLong seenAtEnd = new AtomicLong(-1);
        private final AtomicLong seen = new AtomicLong();

        @Override
        public void process(int input, Buffer buffer, Output output) {
            seen.incrementAndGet();
            output.push(buffer);
        }

        @Override
        public void endOfStream(Output output) throws Exception {
            super.endOfStream(output);
            seenAtEnd.set(seen.get());
        }
    }

    /** A sink: records each buffer's sequence number and stamp, then releases it; may be slow. */
    static class Collector extends Probe {
        final ConcurrentLinkedQueue<Long> sequences = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Byte> stamps = new ConcurrentLinkedQueue<>();
        final CountDownLatch first = new CountDownLatch(1);
        private final long sleepMillis;

        Collector(long sleepMillis) {
            this.sleepMillis = sleepMillis;
        }

        @Override
        public void process(int input, Buffer buffer, Output output) throws InterruptedException {
            try {
                sequences.add(sequence(buffer));
                stamps.add(stamp(buffer));
            } finally {
                buffer.release();
            }
            first.countDown();
            if (sleepMillis > 0) {
                Thread.sleep(sleepMillis);
            }
        }

        List<Long> sequenceList() {
            return List.copyOf(sequences);
        }
    }

    /** A sink that blocks in a call: interruptibly (noting the interrupt), or spinning until let go. */
    static final class Hang extends Probe {
        final CountDownLatch entered = new CountDownLatch(1);
        final AtomicInteger interrupts = new AtomicInteger();
        volatile boolean letGo;
        private final boolean interruptible;

        Hang(boolean interruptible) {
            this.interruptible = interruptible;
        }

        @Override
        public void process(int input, Buffer buffer, Output output) throws InterruptedException {
            buffer.release();
            hang();
        }

        void hang() throws InterruptedException {
            entered.countDown();
            if (interruptible) {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupts.incrementAndGet();
                    throw e;
                }
            }
            while (!letGo) {
                if (Thread.interrupted()) {
                    interrupts.incrementAndGet(); // noted and ignored
                }
                Thread.onSpinWait();
            }
        }
    }

    /** A source that pushes one buffer, then blocks in its next produce as {@link Hang} does. */
    static final class HangingSource extends Probe implements Source {
        final Hang hang;
        private final Loaner loaner;
        private boolean pushed;

        HangingSource(boolean interruptible, Loaner loaner) {
            this.hang = new Hang(interruptible);
            this.loaner = loaner;
        }

        @Override
        public boolean produce(Output output) throws Exception {
            if (!pushed) {
                pushed = true;
                Buffer buffer = loaner.loan();
                buffer.segment().set(JAVA_LONG_UNALIGNED, 0, 0L);
                output.push(buffer);
                return true;
            }
            hang.hang();
            return false;
        }
    }
}
