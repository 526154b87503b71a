/**
 * Pipelines: elements contributed by plugins, linked into a graph that the runtime runs.
 *
 * <p>A plugin contributes an element by registering an {@link dev.parallax.api.pipeline.ElementFactory} service as
 * a plugin whose capability is {@link dev.parallax.api.pipeline.ElementFactory#CAPABILITY} and whose id is the
 * element's name. The factory describes the element once ({@link dev.parallax.api.pipeline.ElementDescription}: its
 * pads, the formats each accepts or produces, and its properties) and makes {@link
 * dev.parallax.api.pipeline.Element} instances. Applications build pipelines through the runtime's {@link
 * dev.parallax.api.pipeline.Pipelines} service, from a string ({@code testsrc num-buffers=10 ! identity ! fakesink})
 * or a {@link dev.parallax.api.pipeline.PipelineBuilder}, and watch them through their events.
 *
 * <p>Version 1.0: held to semantic versioning by the build's baselining against the released API.
 */
@Export
@Version("1.0.0")
package dev.parallax.api.pipeline;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
