package dev.parallax.plugin.forecast.internal.element;

import dev.parallax.api.buffer.Allocator;
import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.forecast.Series;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import dev.parallax.plugin.forecast.internal.report.CsvSeries;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code seriesparse} element: CSV text in, one {@code f64-series} buffer out. A file arrives in blocks that cut
 * rows anywhere, so the text is gathered until the end of the stream and parsed then, as the forecast plugin's CSV
 * reader reads a file.
 */
final class SeriesParseElement implements Element {
    /** The most text gathered: a series of 100 million values fits, and a stream that never ends is stopped. */
    static final int MAX_BYTES = 1 << 30;

    private final String column;
    private final int period;
    private String name = "seriesparse";
    private Allocator allocator;
    private byte[] text = new byte[8192];
    private int size;

    SeriesParseElement(String column, int period) {
        this.column = column.isBlank() ? null : column.strip();
        this.period = period;
    }

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        return List.of(F64Series.format(period));
    }

    @Override
    public void start(ElementContext context) {
        name = context.name();
        allocator = context.memory().allocator(Backing.HEAP);
    }

    @Override
    public void process(int input, Buffer buffer, Output output) {
        try {
            long length = buffer.byteSize();
            if (size + length > MAX_BYTES) {
                throw new IllegalArgumentException("Element '" + name + "' has gathered " + (size + length)
                        + " bytes of CSV: it parses at most " + MAX_BYTES + " bytes, one series");
            }
            if (size + length > text.length) {
                text = Arrays.copyOf(text, (int) Math.min(MAX_BYTES, Math.max(2L * text.length, size + length)));
            }
            MemorySegment.copy(buffer.segment(), ValueLayout.JAVA_BYTE, 0, text, size, (int) length);
            size += (int) length;
        } finally {
            buffer.release();
        }
    }

    @Override
    public void endOfStream(Output output) {
        Series series;
        try {
            String csv = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text, 0, size))
                    .toString();
            series = CsvSeries.read(new StringReader(csv), name, column, period);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    "Element '" + name + "' got text that is not UTF-8: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text = new byte[0];
        size = 0;
        double[] values = series.toArray();
        Buffer out = allocator.allocate((long) values.length * Double.BYTES);
        try {
            F64Series.write(values, out.segment());
            out.setMetadata(Metadata.EMPTY.withSequence(0).withFormat(F64Series.format(period)));
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        output.push(out);
    }
}
