package dev.parallax.plugin.forecast.internal;

import java.lang.annotation.Annotation;

/** The {@code Forecaster} service as its component is built, for tests of other packages. */
public final class ForecastPluginAccess {
    private ForecastPluginAccess() {}

    /** A service with one batch thread. */
    public static ForecastPlugin plugin() {
        return new ForecastPlugin(new ForecastPlugin.Config() {
            @Override
            public int batch$_$threads() {
                return 1;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ForecastPlugin.Config.class;
            }
        });
    }
}
