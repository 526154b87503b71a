package dev.parallax.core.internal.pipeline.graph;

import dev.parallax.api.pipeline.PipelineException;

/** Errors that point into the pipeline text: the message, then the line of text with a caret under the place. */
final class TextErrors {
    private TextErrors() {}

    /** A syntax error at {@code position} of {@code text}. */
    static PipelineException syntax(String text, int position, String message) {
        return at(text, position, "Syntax error at " + position + ": " + message);
    }

    /**
     * An error at {@code position} of {@code text}, shown under the message; just the message when there is no text
     * ({@code null}, a pipeline built in Java) or no position (-1).
     */
    static PipelineException at(String text, int position, String message) {
        if (text == null || position < 0) {
            return new PipelineException(message);
        }
        return new PipelineException(message + "\n" + caret(text, position), position, null);
    }

    /** The line of {@code text} holding {@code position}, and a caret under it, each indented by two spaces. */
    static String caret(String text, int position) {
        int at = Math.min(position, text.length());
        int start = text.lastIndexOf('\n', at - 1) + 1;
        int end = text.indexOf('\n', at);
        String line = text.substring(start, end < 0 ? text.length() : end);
        StringBuilder under = new StringBuilder("  ");
        for (int i = start; i < at; i++) {
            // keep tabs so that the caret lines up however the terminal expands them
            under.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        return "  " + line + "\n" + under.append('^');
    }
}
