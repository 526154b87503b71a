package dev.parallax.core.internal.pipeline.run;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The channels that feed one thread of a pipeline, and how that thread waits for them: a brief spin (adapted as in
 * {@link Channel#spinsAfter}), a few yields, then a park that any producer's offer ends.
 *
 * <p>The consumer raises its waiting flag with a volatile store (a full fence) before its last look at the
 * channels, and a producer reads the flag after its tail's volatile store: either the consumer sees the new item or
 * the producer sees the flag and unparks it, so no wake-up is lost. While the flag is down a producer pays one
 * plain read for it.
 */
final class Inbox {
    private Channel[] channels = new Channel[0];
    private volatile boolean waiting;
    private int spins = Channel.MIN_SPINS; // the consumer's own
    private volatile Thread owner;

    /** Sets the channels, in input pad order; called once while the pipeline is set up. */
    void feedFrom(List<Channel> channels) {
        this.channels = channels.toArray(Channel[]::new);
    }

    /** The channels, in input pad order. */
    Channel[] channels() {
        return channels;
    }

    /** Makes the calling thread the one that waits; called once when the consumer's thread begins. */
    void own() {
        owner = Thread.currentThread();
    }

    /** Unparks the consumer if it waits. Producer threads, after each offer. */
    void wake() {
        if (waiting) {
            LockSupport.unpark(owner);
        }
    }

    /**
     * Waits until some channel may hold an item: returns at once if one does, and may return without one.
     *
     * @throws Abort if the pipeline aborts meanwhile
     */
    void await(Run run) {
        int limit = spins;
        for (int round = 0; round < limit + Channel.YIELDS; round++) {
            if (run.aborting()) {
                break;
            }
            if (anyItem()) {
                int next = Channel.spinsAfter(limit, round, false);
                if (next != limit) {
                    spins = next; // written only on change: producers read this object's flag after every offer
                }
                return;
            }
            if (round < limit) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        if (!anyItem()) {
            waiting = true;
            // the volatile store above is the fence: a producer's later offer sees the flag
            for (Channel channel : channels) {
                channel.wakeProducer(); // a producer parked on a ring this thread just emptied
            }
            if (!anyItem() && !run.aborting()) {
                LockSupport.park(this);
            }
            waiting = false;
            Thread.interrupted(); // only an abort interrupts a pipeline thread, and it is checked below
            spins = Channel.spinsAfter(limit, limit + Channel.YIELDS, true);
        }
        if (run.aborting()) {
            throw Abort.INSTANCE;
        }
    }

    private boolean anyItem() {
        for (Channel channel : channels) {
            if (channel.hasItem()) {
                return true;
            }
        }
        return false;
    }
}
