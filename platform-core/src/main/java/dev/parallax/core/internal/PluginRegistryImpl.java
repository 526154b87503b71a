package dev.parallax.core.internal;

import dev.parallax.api.plugin.Abi;
import dev.parallax.api.plugin.PluginEvent;
import dev.parallax.api.plugin.PluginInfo;
import dev.parallax.api.plugin.PluginListener;
import dev.parallax.api.plugin.PluginProperties;
import dev.parallax.api.plugin.PluginQuery;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.PluginService;
import dev.parallax.api.plugin.Rejection;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The plugin registry, over the OSGi service registry.
 *
 * <p>It tracks every service that carries a plugin property, whatever its class space, checks each one's
 * declaration and ABI as it appears, and keeps the accepted ones in a {@link PluginCatalog}. Listeners are a
 * whiteboard of {@link PluginListener} services, told through an {@link EventDispatcher}.
 *
 * <p>This bundle provides the ABI capability that every plugin requires: the resolve-time ABI check.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = PluginRegistry.class, immediate = true)
@Capability(namespace = Abi.NAMESPACE, name = Abi.NAME, version = Abi.VERSION)
public final class PluginRegistryImpl implements PluginRegistry {
    private static final System.Logger LOG = System.getLogger(PluginRegistryImpl.class.getName());

    private static final String PLUGIN_SERVICES =
            "(|(" + PluginProperties.ID + "=*)(" + PluginProperties.CAPABILITY + "=*)(" + PluginProperties.ABI + "=*))";

    private final BundleContext context;
    private final EventDispatcher dispatcher = new EventDispatcher();
    private final ServiceTracker<Object, ServiceReference<Object>> tracker;

    // Guarded by this: what the tracker told us, kept in step with each other.
    private final PluginCatalog catalog = new PluginCatalog();
    private final Map<Long, ServiceReference<Object>> references = new HashMap<>();
    private final Map<Long, Rejection> rejections = new LinkedHashMap<>();

    @Activate
    public PluginRegistryImpl(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        this.tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(PLUGIN_SERVICES), new Tracking());
        // All services, not only those whose classes this bundle can see: the registry reads properties only.
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        dispatcher.close();
    }

    @Reference(
            service = PluginListener.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    synchronized void addListener(PluginListener listener) {
        dispatcher.add(
                listener, catalog.snapshot().stream().map(PluginEvent::added).toList());
    }

    void removeListener(PluginListener listener) {
        dispatcher.remove(listener);
    }

    @Override
    public Version abi() {
        return DescriptorReader.RUNTIME_ABI;
    }

    @Override
    public List<PluginInfo> plugins() {
        return catalog.snapshot();
    }

    @Override
    public List<PluginInfo> find(PluginQuery query) {
        return catalog.find(query);
    }

    @Override
    public Optional<PluginInfo> best(PluginQuery query) {
        return catalog.find(query).stream().findFirst();
    }

    @Override
    public synchronized List<Rejection> rejections() {
        return List.copyOf(rejections.values());
    }

    @Override
    public <T> Optional<PluginService<T>> acquire(PluginQuery query, Class<T> type) {
        for (PluginInfo plugin : catalog.find(query)) {
            ServiceReference<Object> reference;
            synchronized (this) {
                reference = references.get(plugin.serviceId());
            }
            ServiceObjects<Object> objects = reference == null ? null : context.getServiceObjects(reference);
            if (objects == null) {
                continue; // went away meanwhile
            }
            Object service = objects.getService();
            if (service == null) {
                if (reference.getBundle() != null) {
                    activationFailed(reference, plugin);
                }
                continue;
            }
            if (!type.isInstance(service)) {
                LOG.log(Level.DEBUG, "Plugin {0} is not a {1}; skipped", plugin, type.getName());
                objects.ungetService(service);
                continue;
            }
            return Optional.of(new Handle<>(plugin, objects, type.cast(service)));
        }
        return Optional.empty();
    }

    private synchronized void added(ServiceReference<Object> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return; // unregistered before we looked
        }
        ServiceOrigin origin = new ServiceOrigin(
                bundle.getBundleId(),
                bundle.getSymbolicName(),
                bundle.getVersion(),
                (Long) reference.getProperty(Constants.SERVICE_ID),
                reference.getProperty(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0);
        DescriptorReader.Outcome outcome = DescriptorReader.read(reference::getProperty, origin);
        if (outcome.rejection() != null) {
            reject(outcome.rejection());
            return;
        }
        references.put(origin.serviceId(), reference);
        for (PluginEvent event : catalog.add(outcome.plugin())) {
            publish(event);
        }
    }

    private synchronized void removed(ServiceReference<Object> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        references.remove(serviceId);
        rejections.remove(serviceId);
        catalog.remove(serviceId).forEach(this::publish);
    }

    private synchronized void activationFailed(ServiceReference<Object> reference, PluginInfo plugin) {
        if (!references.containsKey(plugin.serviceId())) {
            return; // already rejected or gone
        }
        references.remove(plugin.serviceId());
        List<PluginEvent> events = new ArrayList<>(catalog.remove(plugin.serviceId()));
        Rejection rejection = new Rejection(
                plugin.id(),
                plugin.bundleId(),
                plugin.bundleSymbolicName() + " " + reference.getBundle().getVersion(),
                plugin.serviceId(),
                "Plugin '" + plugin.id() + "' " + plugin.version() + " (service " + plugin.serviceId() + " of bundle "
                        + plugin.bundleSymbolicName() + ") failed to activate: its component produced no service object"
                        + " (the framework log has the component's exception).",
                "Fix the plugin's activation and update its bundle; it stays rejected until then.");
        events.forEach(this::publish);
        reject(rejection);
    }

    private void reject(Rejection rejection) {
        rejections.put(rejection.serviceId(), rejection);
        LOG.log(Level.WARNING, rejection.message());
        publish(PluginEvent.rejected(rejection));
    }

    private void publish(PluginEvent event) {
        LOG.log(Level.DEBUG, "Plugin event: {0}", event);
        dispatcher.publish(event);
    }

    private final class Tracking implements ServiceTrackerCustomizer<Object, ServiceReference<Object>> {
        @Override
        public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
            added(reference);
            return reference;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
            synchronized (PluginRegistryImpl.this) {
                removed(reference);
                added(reference);
            }
        }

        @Override
        public void removedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
            removed(reference);
        }
    }

    /** A held plugin service. */
    private static final class Handle<T> implements PluginService<T> {
        private final PluginInfo plugin;
        private final ServiceObjects<Object> objects;
        private T service;

        Handle(PluginInfo plugin, ServiceObjects<Object> objects, T service) {
            this.plugin = plugin;
            this.objects = objects;
            this.service = service;
        }

        @Override
        public PluginInfo plugin() {
            return plugin;
        }

        @Override
        public synchronized T get() {
            if (service == null) {
                throw new IllegalStateException("The service of plugin " + plugin + " was released (closed)");
            }
            return service;
        }

        @Override
        public synchronized void close() {
            if (service == null) {
                return;
            }
            try {
                objects.ungetService(service);
            } catch (IllegalStateException | IllegalArgumentException gone) {
                // The plugin's bundle stopped meanwhile: the framework released the service already.
            }
            service = null;
        }
    }
}
