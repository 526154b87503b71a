package dev.parallax.benchmarks.probe;

import java.util.Hashtable;
import java.util.concurrent.Callable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Says on standard output when its bundle's component goes live and when it goes away. Plain DS, no Parallax API,
 * so that the same jar measures Parallax's deploy folder and Felix FileInstall alike.
 *
 * <p>With the framework property {@code probe.exit=true} it also registers the main-thread callable that bnd's
 * launcher runs once every bundle has started: it prints "probe ready" and returns, and the process exits. That line
 * is the bare platform's "ready", as the version line is Parallax's.
 */
@Component(
        immediate = true,
        service = {})
public final class Probe {
    private final String name;
    private final ServiceRegistration<?> exit;

    @Activate
    public Probe(BundleContext context) {
        this.name = context.getBundle().getLocation();
        System.out.println("probe live " + name);
        System.out.flush();
        if (Boolean.parseBoolean(context.getProperty("probe.exit"))) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("main.thread", "true");
            exit = context.registerService(Callable.class, new Done(), properties);
        } else {
            exit = null;
        }
    }

    /** Ends the process with status 0: bnd's launcher needs a class declaring {@code Callable<Integer>}. */
    private static final class Done implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.println("probe ready");
            System.out.flush();
            return 0;
        }
    }

    @Deactivate
    void deactivate() {
        if (exit != null) {
            exit.unregister();
        }
        System.out.println("probe gone " + name);
        System.out.flush();
    }
}
