package dev.parallax.plugin.forecast.internal.element;

import dev.parallax.api.pipeline.Caps;
import dev.parallax.api.pipeline.Element;
import dev.parallax.api.pipeline.ElementDescription;
import dev.parallax.api.pipeline.ElementFactory;
import dev.parallax.api.pipeline.PadTemplate;
import dev.parallax.api.pipeline.PropertySpec;
import dev.parallax.api.pipeline.PropertyValues;
import dev.parallax.api.plugin.ParallaxPlugin;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The {@code forecast} pipeline element: fits an ARIMA model to each series buffer and emits its forecast table. */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = ElementFactory.class)
@ParallaxPlugin(
        id = "forecast",
        capability = ElementFactory.CAPABILITY,
        description = "Pipeline element: ARIMA fit and forecast table (CSV) of each series buffer",
        license = "Apache-2.0")
public final class ForecastElementFactory implements ElementFactory {
    static final ElementDescription DESCRIPTION = ElementDescription.of(
                    "forecast",
                    "Filter/Analyzer/Series",
                    "Fits an ARIMA model (as R's arima, or auto.arima with order=auto) to each f64-series buffer and"
                            + " emits its forecast as CSV: step,mean,se,lo80,hi80,lo95,hi95")
            .withPad(PadTemplate.input("sink", Caps.parse(F64Series.NAME)))
            .withPad(PadTemplate.output("src", Caps.parse("utf8-text")))
            .withProperty(PropertySpec.string(
                    "order", ModelChoice.AUTO, "p,d,q of the model to fit, or auto to choose it as auto.arima does"))
            .withProperty(PropertySpec.string(
                    "seasonal",
                    ModelChoice.NONE,
                    "P,D,Q,s of the seasonal part with period s (e.g. 0,1,1,12), or none; not with order=auto"))
            .withProperty(PropertySpec.choice(
                    "method",
                    List.of("css-ml", "ml", "css"),
                    "How a fixed order is estimated, as R's arima: CSS then exact ML, exact ML, or CSS"))
            .withProperty(PropertySpec.integer("horizon", 12, 1, 10_000, "How many steps ahead to forecast"))
            .withProperty(PropertySpec.integer(
                    "period",
                    0,
                    0,
                    10_000,
                    "The seasonal period order=auto considers; 0 takes the input's frequency, 1 when it has none"))
            .withExample("filesrc location=plugins/forecast/src/test/resources/r/series/logAirPassengers.csv"
                    + " ! seriesparse ! forecast order=0,1,1 seasonal=0,1,1,12 horizon=12"
                    + " ! filesink location=forecast.csv");

    @Override
    public ElementDescription description() {
        return DESCRIPTION;
    }

    @Override
    public Element create(PropertyValues properties) {
        return new ForecastElement(ModelChoice.of(properties));
    }
}
