/**
 * The pipeline elements: {@code imagesrc} reads an image file as one gray8 buffer, {@code threshold} binarizes gray8
 * buffers with the kernel services, {@code pngenc} encodes gray8 buffers as PNG files.
 */
package dev.parallax.plugin.threshold.internal.element;
