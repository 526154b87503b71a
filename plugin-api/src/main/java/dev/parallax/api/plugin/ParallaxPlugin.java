package dev.parallax.api.plugin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a Declarative Services component as a Parallax plugin.
 *
 * <pre>{@code
 * @Component(service = Greeter.class)
 * @ParallaxPlugin(id = "hello", capability = "greeter", description = "Says hello", license = "Apache-2.0")
 * public final class HelloPlugin implements Greeter { ... }
 * }</pre>
 *
 * <p>At build time bnd turns the elements into the {@link PluginProperties} service properties of the component,
 * and the meta-annotation below into the bundle requirement {@code parallax.abi [1.0.0,2.0.0)}: both come from the
 * plugin API the plugin is compiled against, so nobody types an ABI range by hand. The plugin's version is its
 * bundle's version.
 */
@ComponentPropertyType
@Requirement(namespace = Abi.NAMESPACE, name = Abi.NAME, version = Abi.VERSION)
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ParallaxPlugin {
    /** Maps the elements to the {@code parallax.plugin.*} service properties. */
    String PREFIX_ = "parallax.plugin.";

    /** The plugin id; see {@link PluginProperties#ID} for the alphabet. */
    String id();

    /** The capability the plugin contributes; see {@link PluginProperties#CAPABILITY}. */
    String capability();

    /** One line saying what the plugin does. */
    String description() default "";

    /** The plugin's licence, as an SPDX expression. */
    String license() default "";

    /** The ABI range the plugin was built for: the one of the plugin API it is compiled against. */
    String abi() default Abi.RANGE;
}
