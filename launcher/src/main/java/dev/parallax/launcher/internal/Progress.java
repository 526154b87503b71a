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
    private final long startNanos = System.nanoTime();
    private long lastBuffers;
    private long lastNanos = startNanos;
    private double lastRate;
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
        print(elements, false);
    }

    /**
     * Ends the progress line with the final counts and the rate over the whole run, unless the last line already
     * showed those counts while buffers were still arriving: the bus delivers the last statistics event on its own
     * thread and may do so only after the pipeline ended, or after the last buffer (a rate of 0 that says nothing
     * about the run).
     */
    synchronized void finish(List<ElementStats> elements) {
        if (!printed || atSinks(elements)[0] != lastBuffers || lastRate == 0) {
            print(elements, true);
        }
        finished = true;
        if (terminal) {
            out.println();
        }
    }

    /** Prints the counts with the rate since the last line, or {@code overall} since the start. */
    private void print(List<ElementStats> elements, boolean overall) {
        long[] sinks = atSinks(elements);
        long buffers = sinks[0];
        long now = System.nanoTime();
        long since = overall ? startNanos : lastNanos;
        double rate = (buffers - (overall ? 0 : lastBuffers)) / Math.max(1e-9, (now - since) / 1e9);
        lastBuffers = buffers;
        lastNanos = now;
        lastRate = rate;
        String line = String.format(
                Locale.ROOT,
                "%,d buffers (%s) at the sinks, %,.0f buffers/s%s",
                buffers,
                bytes(sinks[1]),
                rate,
                overall ? " overall" : "");
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
