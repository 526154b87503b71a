package dev.parallax.core.internal;

import dev.parallax.api.plugin.Abi;
import dev.parallax.api.plugin.Diagnosis;
import dev.parallax.api.plugin.Diagnosis.Problem;
import dev.parallax.api.plugin.Diagnostics;
import dev.parallax.api.plugin.PluginRegistry;
import dev.parallax.api.plugin.Rejection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * Diagnoses bundles with the standard wiring API only: a requirement is unmet when {@link
 * FrameworkWiring#findProviders} finds nothing for it, and "what is available" lists the capabilities of the same
 * name at other versions.
 */
@Component(configurationPolicy = ConfigurationPolicy.IGNORE, service = Diagnostics.class)
public final class DiagnosticsImpl implements Diagnostics {
    private final BundleContext context;
    private final PluginRegistry registry;

    @Activate
    public DiagnosticsImpl(BundleContext context, @Reference PluginRegistry registry) {
        this.context = context;
        this.registry = registry;
    }

    @Override
    public Diagnosis diagnose(long bundleId) {
        Bundle bundle = context.getBundle(bundleId);
        if (bundle == null) {
            throw new IllegalArgumentException(
                    "No bundle has id " + bundleId + ": it was never installed or has been uninstalled");
        }
        List<Problem> problems = bundle.getState() == Bundle.INSTALLED ? unmetRequirements(bundle) : List.of();
        List<Rejection> rejected = registry.rejections().stream()
                .filter(rejection -> rejection.bundleId() == bundleId)
                .toList();
        return new Diagnosis(
                bundleId, bundle.getSymbolicName() + " " + bundle.getVersion(), state(bundle), problems, rejected);
    }

    private List<Problem> unmetRequirements(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of();
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        List<Problem> problems = new ArrayList<>();
        for (Requirement requirement : revision.getRequirements(null)) {
            Map<String, String> directives = requirement.getDirectives();
            boolean optional =
                    Namespace.RESOLUTION_OPTIONAL.equals(directives.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
            String effective =
                    directives.getOrDefault(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE, Namespace.EFFECTIVE_RESOLVE);
            if (optional || !Namespace.EFFECTIVE_RESOLVE.equals(effective)) {
                continue;
            }
            Collection<BundleCapability> providers = wiring.findProviders(requirement);
            if (providers.isEmpty()) {
                problems.add(problem(RequirementText.parse(
                        requirement.getNamespace(), directives.get(Namespace.REQUIREMENT_FILTER_DIRECTIVE))));
            } else if (providers.stream()
                    .allMatch(provider -> provider.getRevision().getBundle().getState() == Bundle.INSTALLED)) {
                RequirementText text = RequirementText.parse(
                        requirement.getNamespace(), directives.get(Namespace.REQUIREMENT_FILTER_DIRECTIVE));
                Bundle provider = providers.iterator().next().getRevision().getBundle();
                problems.add(new Problem(
                        text.describe(),
                        "only from " + provider.getSymbolicName() + " " + provider.getVersion() + " ["
                                + provider.getBundleId() + "], which does not resolve either",
                        "Diagnose bundle " + provider.getBundleId() + " first."));
            }
        }
        return problems;
    }

    private Problem problem(RequirementText requirement) {
        List<String> similar = similarCapabilities(requirement);
        String available = similar.isEmpty() ? "nothing" : String.join("; ", similar);
        String fix = switch (requirement.namespace()) {
            case Abi.NAMESPACE ->
                similar.isEmpty()
                        ? "Install and start the Parallax runtime (dev.parallax.core), which provides the ABI."
                        : "Rebuild the plugin against plugin-api " + DescriptorReader.RUNTIME_ABI.getMajor()
                                + ".x (ABI " + Abi.RANGE + "), or run it on a Parallax runtime whose ABI is in "
                                + requirement.range() + ".";
            case PackageNamespace.PACKAGE_NAMESPACE ->
                similar.isEmpty()
                        ? "Install a bundle that exports " + requirement.describe() + "."
                        : "Rebuild the bundle against the version of " + requirement.name()
                                + " available, or install one that exports it in " + requirement.range() + ".";
            default -> "Install a bundle that provides " + requirement.describe() + ".";
        };
        return new Problem(requirement.describe(), available, fix);
    }

    /** The capabilities of every bundle whose namespace and name match the requirement, whatever their version. */
    private List<String> similarCapabilities(RequirementText requirement) {
        Filter filter;
        try {
            filter = FrameworkUtil.createFilter(requirement.anyVersionFilter());
        } catch (InvalidSyntaxException e) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (Bundle candidate : context.getBundles()) {
            BundleRevision revision = candidate.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(requirement.namespace())) {
                if (filter.matches(capability.getAttributes()) && found.size() < 5) {
                    Object version = capability.getAttributes().getOrDefault("version", "");
                    found.add(describeCapability(requirement, version) + " from " + candidate.getSymbolicName() + " "
                            + candidate.getVersion() + " [" + candidate.getBundleId() + "]");
                }
            }
        }
        return found;
    }

    private static String describeCapability(RequirementText requirement, Object version) {
        String name = requirement.name() == null || Abi.NAMESPACE.equals(requirement.namespace())
                ? ""
                : " " + requirement.name();
        return requirement.subject() + name + (String.valueOf(version).isEmpty() ? "" : " " + version);
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "ACTIVE";
        };
    }
}
