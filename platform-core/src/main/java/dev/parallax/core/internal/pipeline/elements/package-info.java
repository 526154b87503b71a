/**
 * The core pipeline elements every Parallax runtime has: {@code testsrc}, {@code filesrc}, {@code filesink}, {@code
 * fakesink} and {@code identity}, each an {@link dev.parallax.api.pipeline.ElementFactory} component registered as
 * a plugin like any other element.
 */
package dev.parallax.core.internal.pipeline.elements;
