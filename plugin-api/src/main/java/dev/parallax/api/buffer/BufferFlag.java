package dev.parallax.api.buffer;

/** A property of one buffer's data, carried in its {@link Metadata}; the names follow GStreamer's buffer flags. */
public enum BufferFlag {
    /** The data does not continue the previous buffer of the stream: something was dropped or the stream seeked. */
    DISCONTINUITY,
    /** The buffer stands for a gap in the stream: its bytes carry no data, only its timestamps count. */
    GAP,
    /** The buffer may be dropped under load without breaking what follows. */
    DROPPABLE,
    /** The buffer cannot be decoded on its own: it depends on earlier ones (not a key frame). */
    DELTA_UNIT,
    /** The data is known to be damaged, for example a frame with lost packets. */
    CORRUPTED,
    /** The buffer holds stream headers (codec set-up) rather than data. */
    HEADER
}
