/** The image codec: PNG and JPEG through {@code javax.imageio}, PGM by hand. */
package dev.parallax.plugin.threshold.internal.codec;
