package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.pipeline.Output;
import java.util.List;

/**
 * An element's {@link Output}: counts each buffer, marks the thread as out of the element's own code while the next
 * elements run (so that their time does not count against its deadline), and hands the buffer to the pad's {@link
 * Port}. The subclass is chosen once at set-up by the number of linked pads.
 *
 * <p>An element pushes from within the runtime's calls into it, on the calling thread: the counters it writes have
 * that one writer.
 */
abstract sealed class NodeOutput implements Output {
    final Node owner;

    private NodeOutput(Node owner) {
        this.owner = owner;
    }

    /** The output for {@code owner}'s ports, in pad order. */
    static NodeOutput of(Node owner, List<Port> ports) {
        return switch (ports.size()) {
            case 0 -> new None(owner);
            case 1 -> new Single(owner, ports.getFirst());
            default -> new Fan(owner, ports.toArray(Port[]::new));
        };
    }

    /** Ends the stream on every pad. */
    abstract void end();

    final void deliver(Port port, Buffer buffer) {
        NodeStats stats = owner.stats;
        stats.sent(buffer.byteSize());
        stats.leave();
        try {
            port.accept(buffer);
        } finally {
            stats.enter();
        }
    }

    final IndexOutOfBoundsException noSuchPad(int pad, Buffer buffer) {
        if (!buffer.isReleased()) {
            buffer.release(); // a push takes the buffer whatever happens
        }
        return new IndexOutOfBoundsException(
                "Element '" + owner.name + "' pushed to output pad " + pad + ", but it has " + pads()
                        + " linked output pads" + (pads() == 0 ? "" : " (0 to " + (pads() - 1) + ")"));
    }

    /** One linked pad: the usual case. */
    static final class Single extends NodeOutput {
        private final Port port;

        Single(Node owner, Port port) {
            super(owner);
            this.port = port;
        }

        @Override
        public void push(Buffer buffer) {
            deliver(port, buffer);
        }

        @Override
        public void push(int pad, Buffer buffer) {
            if (pad != 0) {
                throw noSuchPad(pad, buffer);
            }
            deliver(port, buffer);
        }

        @Override
        public int pads() {
            return 1;
        }

        @Override
        void end() {
            port.end();
        }
    }

    /** Several linked pads (a tee, a demuxer). */
    static final class Fan extends NodeOutput {
        private final Port[] ports;

        Fan(Node owner, Port[] ports) {
            super(owner);
            this.ports = ports;
        }

        @Override
        public void push(Buffer buffer) {
            deliver(ports[0], buffer);
        }

        @Override
        public void push(int pad, Buffer buffer) {
            if (pad < 0 || pad >= ports.length) {
                throw noSuchPad(pad, buffer);
            }
            deliver(ports[pad], buffer);
        }

        @Override
        public int pads() {
            return ports.length;
        }

        @Override
        void end() {
            for (Port port : ports) {
                port.end();
            }
        }
    }

    /** No linked pad: a sink. */
    static final class None extends NodeOutput {
        None(Node owner) {
            super(owner);
        }

        @Override
        public void push(Buffer buffer) {
            throw noSuchPad(0, buffer);
        }

        @Override
        public void push(int pad, Buffer buffer) {
            throw noSuchPad(pad, buffer);
        }

        @Override
        public int pads() {
            return 0;
        }

        @Override
        void end() {}
    }
}
