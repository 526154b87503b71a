package dev.parallax.core.internal.pipeline.run;

/**
 * Unwinds a chain's thread when its pipeline is failing or cancelled: thrown by the runtime's own code (a channel
 * wait, an error policy that gave up), never by an element, and never reported as an element's failure.
 *
 * <p>One shared instance without a stack trace: it says only "stop now", and the reason was recorded before it was
 * thrown.
 */
final class Abort extends RuntimeException {
    /** The only instance. */
    static final Abort INSTANCE = new Abort();

    private Abort() {
        super("pipeline is aborting", null, false, false);
    }
}
