package dev.parallax.launcher.internal;

import dev.parallax.api.pipeline.ElementStats;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The progress line of a running pipeline: buffers that reached the sinks and their rate. On a terminal it is
 * rewritten in place; otherwise a line is printed per update, so that logs show the progress too.
 */
final class Progress {
    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private long lastBuffers;
    private long lastNanos = System.nanoTime();
    private boolean printed;
    private boolean finished;

    Progress(PrintStream out) {
        this.out = out;
    }

    /** Called with each statistics event, on the bus thread. */
    synchronized void update(List<ElementStats> elements) {
        if (finished) {
            return; // a last statistics event may arrive after the summary: the summary has the final counts
        }
        print(elements);
    }

    /**
     * Ends the progress line with the final counts, printed unless the last line already showed them: the bus
     * delivers the last statistics event on its own thread and may do so only after the pipeline ended.
     */
    synchronized void finish(List<ElementStats> elements) {
        if (!printed || atSinks(elements)[0] != lastBuffers) {
            print(elements);
        }
        finished = true;
        if (terminal) {
            out.println();
        }
    }

    private void print(List<ElementStats> elements) {
        long[] sinks = atSinks(elements);
        long buffers = sinks[0];
        long now = System.nanoTime();
        double rate = (buffers - lastBuffers) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastBuffers = buffers;
        lastNanos = now;
        String line = String.format(
                Locale.ROOT, "%,d buffers (%s) at the sinks, %,.0f buffers/s", buffers, bytes(sinks[1]), rate);
        out.print(terminal ? "\r" + line + "   " : line + System.lineSeparator());
        out.flush();
        printed = true;
    }

    /** Buffers and bytes that reached the sinks: what a sink received is what went through. */
    private static long[] atSinks(List<ElementStats> elements) {
        long buffers = 0;
        long bytes = 0;
        for (ElementStats element : elements) {
            if (element.buffersOut() == 0 && element.buffersIn() > 0) {
                buffers += element.buffersIn();
                bytes += element.bytesIn();
            }
        }
        return new long[] {buffers, bytes};
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String nanos(long nanos) {
        if (nanos < 10_000) {
            return nanos + " ns";
        }
        if (nanos < 10_000_000) {
            return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
