package dev.parallax.core.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.parallax.api.plugin.PluginListener;
import dev.parallax.api.plugin.PluginRegistry;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The engine is a delayed component that hears the registry only once it exists: its activation registers its
 * plugin listener, and its deactivation takes it away. (Were the listener a service of the component, the
 * registry's whiteboard would activate the engine on every start-up.)
 */
class PipelinesImplListeningTest {
    private final List<String> calls = new ArrayList<>();
    private final List<Object> registered = new ArrayList<>();

    @Test
    void activation_registersItsListener_deactivationUnregistersIt() {
        PipelinesImpl engine = new PipelinesImpl(context(), fake(PluginRegistry.class), PipelinesImplTest.memory());

        assertEquals(List.of("register " + PluginListener.class.getName()), calls);
        assertSame(engine, registered.getFirst());

        engine.deactivate();

        assertEquals(List.of("register " + PluginListener.class.getName(), "unregister"), calls);
    }

    @Test
    void engineWithoutFramework_registersNothing() {
        new PipelinesImpl(StaticCatalog.core(), PipelinesImplTest.memory()).deactivate();

        assertEquals(List.of(), calls);
    }

    /** A bundle context that only records registrations; every other method is unexpected here. */
    private BundleContext context() {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        calls.add("unregister");
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registerService") && args[0] instanceof Class<?> type) {
                        calls.add("register " + type.getName());
                        registered.add(args[1]);
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static <T> T fake(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(
                PipelinesImplListeningTest.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                }));
    }
}
