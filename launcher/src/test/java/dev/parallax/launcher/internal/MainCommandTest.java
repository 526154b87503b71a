package dev.parallax.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainCommandTest {
    @Test
    void rootCause_ofAWrappedConstructorFailure_isTheConstructorsMessage() {
        // The shape Felix SCR reports for a component whose constructor threw.
        String failure = """
                java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.DirectConstructorHandleAccessor.newInstance(Unknown Source)
                Caused by: java.lang.IllegalArgumentException: Deploy folder setting trust='x' is unknown
                \tat dev.parallax.core.internal.deploy.TrustPolicy.of(TrustPolicy.java:60)
                """;
        assertEquals("Deploy folder setting trust='x' is unknown", MainCommand.rootCause(failure));
    }

    @Test
    void rootCause_withoutCause_isTheFirstLinesMessage() {
        assertEquals("no such file", MainCommand.rootCause("java.io.IOException: no such file\n\tat x.y(Z.java:1)"));
    }
}
