package dev.parallax.plugin.forecast.internal.element;

import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The {@code f64-series} buffer format shared by the elements: little-endian IEEE float64 values, buffer size / 8 of
 * them, with an optional {@code frequency} parameter, the seasonal period.
 */
final class F64Series {
    static final String NAME = "f64-series";
    static final String FREQUENCY = "frequency";
    static final ValueLayout.OfDouble VALUE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private F64Series() {}

    /** The format of a series with seasonal period {@code period}; no parameter for 1. */
    static Format format(int period) {
        Format format = Format.of(NAME);
        return period > 1 ? format.with(FREQUENCY, Integer.toString(period)) : format;
    }

    /**
     * The seasonal period a negotiated format declares, or 0 when it says none.
     *
     * @throws IllegalArgumentException if the parameter is not a whole number of at least 1, naming the element
     */
    static int frequency(String element, Format format) {
        String text = format.parameters().get(FREQUENCY);
        if (text == null) {
            return 0;
        }
        try {
            int frequency = Integer.parseInt(text);
            if (frequency >= 1) {
                return frequency;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Element '" + element + "' input " + format + " has frequency '" + text
                + "': the seasonal period is a whole number of at least 1");
    }

    /** The values of a buffer, copied out. */
    static double[] values(String element, Buffer buffer) {
        if (buffer.byteSize() % Double.BYTES != 0) {
            throw new IllegalArgumentException("Element '" + element + "' got an " + NAME + " buffer of "
                    + buffer.byteSize() + " bytes: a series holds 8 bytes per value");
        }
        return buffer.segment().toArray(VALUE);
    }

    /** Writes {@code values} at the start of {@code segment}. */
    static void write(double[] values, MemorySegment segment) {
        for (int i = 0; i < values.length; i++) {
            segment.setAtIndex(VALUE, i, values[i]);
        }
    }
}
