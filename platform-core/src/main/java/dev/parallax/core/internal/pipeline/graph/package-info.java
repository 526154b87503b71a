/**
 * The build side of the pipeline engine: the text form's parser, the Java builder, and the planner that turns either
 * into a checked, negotiated {@link dev.parallax.core.internal.pipeline.Plan}.
 *
 * <p>Both front ends make a {@link dev.parallax.core.internal.pipeline.graph.GraphSpec} (elements by factory name
 * with their property values as text, and links with optional pad names); the {@link
 * dev.parallax.core.internal.pipeline.graph.Planner} resolves the factories, checks the graph with JGraphT and
 * negotiates the formats.
 */
package dev.parallax.core.internal.pipeline.graph;
