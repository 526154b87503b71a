/**
 * Pipelines split across processes: the {@code shmsink} and {@code shmsrc} elements and the shared memory transport
 * under them ({@link dev.parallax.core.internal.pipeline.ipc.ShmSender}, {@link
 * dev.parallax.core.internal.pipeline.ipc.ShmReceiver}). See {@code docs/ipc.md} for the design and its figures.
 */
package dev.parallax.core.internal.pipeline.ipc;
