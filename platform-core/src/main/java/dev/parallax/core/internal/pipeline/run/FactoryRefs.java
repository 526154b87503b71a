package dev.parallax.core.internal.pipeline.run;

import dev.parallax.core.internal.pipeline.ResolvedFactory;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the uses of each element factory a pipeline holds (by its nodes, and by swaps offered and not yet made)
 * and closes a factory when its last use ends, or all of them when the pipeline is closed.
 */
final class FactoryRefs {
    private static final System.Logger LOG = System.getLogger(FactoryRefs.class.getName());

    private final Map<ResolvedFactory, Integer> uses = new IdentityHashMap<>();
    private boolean closed;

    /**
     * Counts one more use of {@code factory}.
     *
     * @return false, and closes the factory, if the pipeline was closed already
     */
    boolean acquire(ResolvedFactory factory) {
        synchronized (this) {
            if (!closed) {
                uses.merge(factory, 1, Integer::sum);
                return true;
            }
        }
        close(factory);
        return false;
    }

    /** Ends one use of {@code factory}, closing it if that was the last. */
    void release(ResolvedFactory factory) {
        synchronized (this) {
            Integer count = uses.get(factory);
            if (count == null) {
                return; // closed with the pipeline already
            }
            if (count > 1) {
                uses.put(factory, count - 1);
                return;
            }
            uses.remove(factory);
        }
        close(factory);
    }

    /** Closes every factory still used, once; later acquisitions close their factory at once. */
    void closeAll() {
        List<ResolvedFactory> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(uses.keySet());
            uses.clear();
        }
        open.forEach(FactoryRefs::close);
    }

    private static void close(ResolvedFactory factory) {
        try {
            factory.close();
        } catch (RuntimeException e) { // a factory that fails to close must not stop the others from closing
            LOG.log(Level.WARNING, "Element factory " + factory.plugin() + " failed to close", e);
        }
    }
}
