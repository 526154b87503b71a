package dev.parallax.api.deploy;

import java.time.Instant;

/**
 * What became of one jar in the deploy folder.
 *
 * @param file the jar's file name in the folder
 * @param state the outcome
 * @param bundleId the id of the bundle running for this file name (after a failure, the one that was there before),
 *     or -1 if none is
 * @param bundle that bundle's symbolic name and version, or {@code ""}
 * @param digest the SHA-256 of the file's content in hexadecimal, or {@code ""} if it could not be read
 * @param message what happened, for a person: the diagnosis when the file was refused or failed
 * @param at when it happened
 */
public record Deployment(
        String file, State state, long bundleId, String bundle, String digest, String message, Instant at) {

    /** The outcome of deploying a file. */
    public enum State {
        /** The file's bundle is installed and started, and its plugins were accepted. */
        DEPLOYED,
        /**
         * The file was not installed: it is not a complete jar, not a bundle, or not trusted. Whatever the folder
         * held before under this name keeps running.
         */
        REFUSED,
        /**
         * The file's bundle does not resolve, does not start, or its plugins were rejected. Whatever the folder held
         * before under this name keeps running.
         */
        FAILED
    }
}
