package dev.parallax.core.internal.pipeline.run;

import dev.parallax.api.buffer.Buffer;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The elements one thread of a pipeline runs: a head (a source, a {@code queue}, or an element with several
 * inputs) and every element reached from it by direct calls.
 *
 * <p>A source's chain calls produce until the source ends or the pipeline stops; another chain takes buffers from
 * its {@link Inbox} until every input channel has ended. Either then ends the stream through its elements. When the
 * thread exits, for whatever reason, it closes its end of each channel it reads or writes (the last side out
 * releases what is left in it).
 *
 * <p>It does not stop its elements: the supervisor stops every element once every thread is out, sinks first,
 * because buffers an element made may still be in use downstream after its own thread is done (a source that
 * closes its pool in stop would fail them). Only a thread the supervisor gave up on (see {@link #abandon()}) stops
 * its own elements, when it finally comes back.
 */
final class Chain implements Runnable {
    private static final System.Logger LOG = System.getLogger(Chain.class.getName());
    private static final int RUNNING = 0;
    private static final int EXITED = 1;
    private static final int ABANDONED = 2;

    final Node head;
    final List<Node> members;

    private final Run run;
    private final Inbox inbox;
    private final int[] pads;
    private final List<Channel> outbound;
    private final AtomicInteger fate = new AtomicInteger(RUNNING);

    /**
     * @param members the head first, then the elements it reaches directly, in plan order
     * @param inbox the head's input channels, or null for a source
     * @param pads the head's input pad for each of the inbox's channels
     * @param outbound the channels the members write to
     */
    Chain(Run run, List<Node> members, Inbox inbox, int[] pads, List<Channel> outbound) {
        this.run = run;
        this.head = members.getFirst();
        this.members = List.copyOf(members);
        this.inbox = inbox;
        this.pads = pads.clone();
        this.outbound = List.copyOf(outbound);
    }

    @Override
    public void run() {
        try {
            if (run.aborting()) {
                return;
            }
            if (inbox == null) {
                produce();
            } else if (inbox.channels().length == 1) {
                takeOne();
            } else {
                takeMany();
            }
        } catch (Abort abort) {
            // the reason was posted by whoever aborted
        } catch (Throwable bug) { // the runtime's own failure: elements' failures are handled in Node
            LOG.log(Level.ERROR, "Pipeline '" + run.pipeline + "' thread of '" + head.name + "' failed", bug);
            run.fail(head.name, "The pipeline thread of element '" + head.name + "' failed: " + bug);
        } finally {
            Thread.interrupted(); // an abort's interrupt is spent: stop() may need to close files
            if (inbox != null) {
                for (Channel channel : inbox.channels()) {
                    channel.closeEnd();
                }
            }
            for (Channel channel : outbound) {
                channel.closeEnd();
            }
            if (!fate.compareAndSet(RUNNING, EXITED)) {
                stopMembers(); // given up on by the supervisor, which left these to this thread
            }
        }
    }

    /**
     * Called by the supervisor when it stops waiting for this chain's thread: from then on the thread stops its own
     * elements when it comes back.
     *
     * @return false if the thread had already come back (or is on its way out), leaving the elements to the caller
     */
    boolean abandon() {
        return fate.compareAndSet(RUNNING, ABANDONED);
    }

    /** Stops the members, the last first. */
    void stopMembers() {
        members.reversed().forEach(Node::stop);
    }

    private void produce() {
        while (run.flowing() && head.produce()) {
            // each produce pushes its buffers through the chain
        }
        if (run.aborting()) {
            throw Abort.INSTANCE;
        }
        head.endOfStream();
    }

    private void takeOne() {
        inbox.own();
        Channel channel = inbox.channels()[0];
        int pad = pads[0];
        while (true) {
            Object item = channel.poll();
            if (item == null) {
                inbox.await(run);
            } else if (item == Channel.END) {
                break;
            } else {
                deliver(pad, (Buffer) item);
            }
        }
        head.endOfStream();
    }

    private void takeMany() {
        inbox.own();
        Channel[] channels = inbox.channels();
        boolean[] ended = new boolean[channels.length];
        int open = channels.length;
        while (open > 0) {
            boolean took = false;
            for (int i = 0; i < channels.length; i++) {
                Object item = ended[i] ? null : channels[i].poll();
                if (item == null) {
                    continue;
                }
                took = true;
                if (item == Channel.END) {
                    ended[i] = true;
                    open--;
                } else {
                    deliver(pads[i], (Buffer) item);
                }
            }
            if (!took && open > 0) {
                inbox.await(run);
            }
        }
        head.endOfStream();
    }

    private void deliver(int pad, Buffer buffer) {
        if (run.aborting()) {
            buffer.release();
            throw Abort.INSTANCE;
        }
        head.process(pad, buffer);
    }

    @Override
    public String toString() {
        return "chain of " + members.stream().map(node -> node.name).toList();
    }
}
