package dev.parallax.launcher.internal;

/** A command line that does not say what a command needs: the message says what is wrong and how to ask for help. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
