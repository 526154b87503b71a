package dev.parallax.plugin.forecast.internal.element;

import dev.parallax.api.pipeline.Caps;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.api.plugin.ParallaxPlugin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The {@code seriesparse} pipeline element: a CSV file's column of numbers as one f64-series buffer. */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = "seriesparse",
        capability = ElementFactory.CAPABILITY,
        description = "Pipeline element: one column of CSV text as an f64-series buffer",
        license = "Apache-2.0")
public final class SeriesParseFactory implements ElementFactory {
    static final ElementDescription DESCRIPTION = ElementDescription.of(
                    "seriesparse",
                    "Codec/Parser/Series",
                    "Reads one column of numbers from CSV text (empty, NA and NaN are missing: NaN) and emits it as"
                            + " one f64-series buffer at the end of the stream")
            .withPad(PadTemplate.input("sink", Caps.parse("utf8-text; bytes")))
            .withPad(PadTemplate.output("src", Caps.parse(F64Series.NAME)))
            .withProperty(PropertySpec.string(
                    "column", "", "The header of the column to read; empty for the one called 'value', else the last"))
            .withProperty(PropertySpec.integer(
                    "period", 1, 1, 10_000, "The seasonal period to declare as the output's frequency; 1 for none"))
            .withExample("filesrc location=plugins/forecast/src/test/resources/r/series/logAirPassengers.csv"
                    + " ! seriesparse period=12 ! forecast order=auto ! filesink location=forecast.csv")
            // The text of a whole file is gathered until the end of the stream: a new version must start afresh.
            .withSwappable(false);

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        return new SeriesParseElement(properties.string("column"), properties.intValue("period"));
    }
}
