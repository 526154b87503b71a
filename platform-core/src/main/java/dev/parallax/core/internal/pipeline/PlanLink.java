package dev.parallax.core.internal.pipeline;

import dev.parallax.api.buffer.Format;

/**
 * A link between two elements of a checked pipeline.
 *
 * @param from the upstream element's index in {@link Plan#nodes()}
 * @param output the upstream output pad's number
 * @param outputPad its name ({@code src}, {@code src_1})
 * @param to the downstream element's index in {@link Plan#nodes()}
 * @param input the downstream input pad's number
 * @param inputPad its name
 * @param format the format agreed on the link
 */
public record PlanLink(int from, int output, String outputPad, int to, int input, String inputPad, Format format) {}
