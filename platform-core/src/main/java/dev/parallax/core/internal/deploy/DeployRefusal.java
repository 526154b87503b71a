package dev.parallax.core.internal.deploy;

/** A jar the deploy folder will not install, with the reason for a person. */
final class DeployRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    DeployRefusal(String message) {
        super(message, null, false, false);
    }
}
