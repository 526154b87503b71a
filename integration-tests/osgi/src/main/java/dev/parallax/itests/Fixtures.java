package dev.parallax.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs the fixture plugins that travel inside the test bundle, and removes every one of them after a test.
 */
final class Fixtures implements AutoCloseable {
    /** The sample plugin 'hello' at 1.0.0. */
    static final String HELLO = "fixture-hello.jar";
    /** The same plugin at 1.1.0. */
    static final String HELLO_NEXT = "fixture-hello-next.jar";
    /** A plugin built for ABI 2. */
    static final String ABI_NEXT = "fixture-abi-next.jar";
    /** A plugin whose activation throws, at 9.0.0. */
    static final String FAULTY = "fixture-faulty.jar";
    /** The elements 'stamp' (swappable) and 'stamp-held' (not swappable) at 1.0.0. */
    static final String STAMP = "fixture-stamp.jar";
    /** The same elements at 2.0.0. */
    static final String STAMP_NEXT = "fixture-stamp-next.jar";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final BundleContext context;
    private final List<Bundle> installed = new ArrayList<>();

    Fixtures(BundleContext context) {
        this.context = context;
    }

    /** Installs a fixture at a location of its own, without starting it. */
    Bundle install(String fixture) throws BundleException {
        Bundle bundle = context.installBundle("fixture:" + fixture + "#" + SEQUENCE.incrementAndGet(), open(fixture));
        installed.add(bundle);
        return bundle;
    }

    /** Installs and starts a fixture. */
    Bundle start(String fixture) throws BundleException {
        Bundle bundle = install(fixture);
        bundle.start();
        return bundle;
    }

    /** Replaces a bundle's content by another fixture's, as a hot deploy does. */
    void update(Bundle bundle, String fixture) throws BundleException {
        bundle.update(open(fixture));
    }

    /** Uninstalls {@code bundle} and refreshes the framework, so that no revision of it stays wired. */
    void uninstall(Bundle bundle) throws BundleException {
        if (bundle.getState() != Bundle.UNINSTALLED) {
            bundle.uninstall();
        }
        installed.remove(bundle);
        refresh();
    }

    /** Refreshes every bundle that has stale revisions and waits until the framework says it is done. */
    void refresh() {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        try {
            assertTrue(done.await(30, TimeUnit.SECONDS), "the framework did not finish refreshing within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while refreshing");
        }
    }

    static InputStream open(String fixture) {
        InputStream jar = Fixtures.class.getResourceAsStream("/fixtures/" + fixture);
        if (jar == null) {
            throw new IllegalStateException("The test bundle carries no fixture " + fixture);
        }
        return jar;
    }

    @Override
    public void close() throws BundleException, IOException {
        for (Bundle bundle : List.copyOf(installed)) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                bundle.uninstall();
            }
        }
        installed.clear();
        refresh();
    }
}
