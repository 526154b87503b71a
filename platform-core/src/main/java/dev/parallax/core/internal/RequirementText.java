package dev.parallax.core.internal;

import dev.parallax.api.plugin.Abi;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.ExecutionEnvironmentNamespace;
import org.osgi.framework.namespace.PackageNamespace;

/**
 * A requirement's filter read back into words: {@code (&(osgi.wiring.package=a.b)(version>=1.0.0)(!(version>=2.0.0)))}
 * becomes "package a.b [1.0.0,2.0.0)". It only reads the shapes bnd and the OSGi specifications write; anything
 * else keeps its raw filter, which is still correct, only less friendly.
 *
 * @param namespace the requirement's namespace
 * @param name the value the filter asks of the namespace's own attribute, or {@code null}
 * @param range the version range the filter asks for, written as an OSGi range, or {@code null}
 * @param filter the raw filter
 */
record RequirementText(String namespace, String name, String range, String filter) {
    private static final Pattern FLOOR = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern CEILING = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private static final Pattern EXACT = Pattern.compile("\\(version=([^)]+)\\)");

    static RequirementText parse(String namespace, String filter) {
        String text = filter == null ? "" : filter;
        Matcher name = Pattern.compile("\\(" + Pattern.quote(namespace) + "=([^)]+)\\)")
                .matcher(text);
        return new RequirementText(namespace, name.find() ? name.group(1) : null, range(text), text);
    }

    private static String range(String filter) {
        Matcher exact = EXACT.matcher(filter);
        if (exact.find()) {
            return exact.group(1);
        }
        Matcher ceiling = CEILING.matcher(filter);
        String upper = ceiling.find() ? ceiling.group(1) : null;
        // Remove the ceiling first so that its "version>=" is not taken for the floor.
        Matcher floor = FLOOR.matcher(upper == null ? filter : ceiling.replaceAll(""));
        String lower = floor.find() ? floor.group(1) : null;
        if (lower == null && upper == null) {
            return null;
        }
        return "[" + (lower == null ? "0.0.0" : lower) + "," + (upper == null ? "∞" : upper) + ")";
    }

    /** What the namespace is about, in words. */
    String subject() {
        return switch (namespace) {
            case PackageNamespace.PACKAGE_NAMESPACE -> "package";
            case Abi.NAMESPACE -> "Parallax ABI";
            case ExecutionEnvironmentNamespace.EXECUTION_ENVIRONMENT_NAMESPACE -> "execution environment";
            case BundleNamespace.BUNDLE_NAMESPACE -> "bundle";
            case "osgi.service" -> "service";
            case "osgi.extender" -> "extender";
            default -> "capability " + namespace;
        };
    }

    /** The requirement in words, such as "package a.b [1.0.0,2.0.0)" or "Parallax ABI [2.0.0,3.0.0)". */
    String describe() {
        if (Abi.NAMESPACE.equals(namespace)) {
            return subject() + (range == null ? "" : " " + range);
        }
        if (name == null) {
            return subject() + " matching " + filter;
        }
        return subject() + " " + name + (range == null ? "" : " " + range);
    }

    /** A filter that matches every capability this requirement could have meant, whatever its version. */
    String anyVersionFilter() {
        return name == null ? "(" + namespace + "=*)" : "(" + namespace + "=" + name + ")";
    }
}
