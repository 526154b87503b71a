package dev.parallax.api.pipeline;

import dev.parallax.api.buffer.Buffer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where an element pushes buffers: its output pads, linked by the runtime to the next elements.
 *
 * <p>Pushing passes the buffer's ownership on. A push may block while the next element is behind (backpressure)
 * and may run the next elements on the calling thread, so an element holds no lock while it pushes.
 *
 * <p>A provider type: only the runtime implements it.
 */
@ProviderType
public interface Output {
    /** Pushes {@code buffer} to output pad 0. */
    void push(Buffer buffer);

    /**
     * Pushes {@code buffer} to output pad {@code pad}.
     *
     * @throws IndexOutOfBoundsException if there is no such pad, naming the element and its pad count
     */
    void push(int pad, Buffer buffer);

    /** How many output pads are linked. */
    int pads();
}
