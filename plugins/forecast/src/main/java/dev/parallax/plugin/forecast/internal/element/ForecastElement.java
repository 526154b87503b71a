package dev.parallax.plugin.forecast.internal.element;

import dev.parallax.api.buffer.Allocator;
import dev.parallax.api.buffer.Backing;
import dev.parallax.api.buffer.Buffer;
import dev.parallax.api.buffer.Format;
import dev.parallax.api.buffer.Metadata;
import dev.parallax.api.forecast.ArimaModel;
import dev.parallax.api.forecast.Forecast;
import dev.parallax.api.forecast.Missing;
import dev.parallax.api.forecast.Series;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementContext;
import dev.parallax.api.pipeline.Output;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code forecast} element: each {@code f64-series} buffer is one series, fitted and forecast; out goes its
 * forecast table as CSV text (see {@link ForecastTable}). Holds nothing between buffers.
 */
final class ForecastElement implements Element {
    static final Format TEXT = Format.of("utf8-text");

    private final ModelChoice model;
    private int period = 1;
    private String name = "forecast";
    private Allocator allocator;
    private long count;

    ForecastElement(ModelChoice model) {
        this.model = model;
    }

    @Override
    public List<Format> negotiate(List<Format> inputs, int outputs) {
        int frequency = F64Series.frequency("forecast", inputs.getFirst());
        period = model.period() > 0 ? model.period() : Math.max(1, frequency);
        return List.of(TEXT);
    }

    @Override
    public void start(ElementContext context) {
        name = context.name();
        allocator = context.memory().allocator(Backing.HEAP);
    }

    @Override
    public void process(int input, Buffer buffer, Output output) {
        long sequence = buffer.metadata().sequence();
        double[] values;
        try {
            values = F64Series.values(name, buffer);
        } finally {
            buffer.release();
        }
        String series = name + "#" + (sequence == Metadata.NONE ? count : sequence);
        count++;
        byte[] table =
                ForecastTable.csv(forecast(series, values), values.length + 1).getBytes(StandardCharsets.UTF_8);
        Buffer out = allocator.allocate(table.length);
        try {
            MemorySegment.copy(MemorySegment.ofArray(table), 0, out.segment(), 0, table.length);
            out.setMetadata(Metadata.EMPTY.withSequence(sequence).withFormat(TEXT));
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        output.push(out);
    }

    /** Fits and forecasts {@code values}: NaN is a missing value. */
    Forecast forecast(String series, double[] values) {
        boolean missing = false;
        for (double v : values) {
            missing |= Double.isNaN(v);
        }
        Series s = new Series(series, MemorySegment.ofArray(values), missing ? Missing.NAN : Missing.NONE, period);
        ArimaModel fitted = model.fit(s);
        return fitted.forecast(model.horizon(), ForecastTable.LEVELS);
    }
}
