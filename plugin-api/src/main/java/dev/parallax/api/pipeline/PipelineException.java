package dev.parallax.api.pipeline;

/**
 * A pipeline that cannot be built: an unknown element or property, a bad value, an unlinked pad, a cycle, formats
 * that do not agree, or a syntax error in the text form.
 */
public class PipelineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where in the text the error is, or -1 when it is not a syntax error. */
    private final int position;

    /** A build error. */
    public PipelineException(String message) {
        this(message, -1, null);
    }

    /** A build error with its cause. */
    public PipelineException(String message, Throwable cause) {
        this(message, -1, cause);
    }

    /** An error at {@code position} (from 0) in the pipeline text. */
    public PipelineException(String message, int position, Throwable cause) {
        super(message, cause);
        this.position = position;
    }

    /** Where in the pipeline text the error is (from 0), or -1. */
    public int position() {
        return position;
    }
}
