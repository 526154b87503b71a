package dev.parallax.api.plugin;

/**
 * Why the registry refused a plugin service.
 *
 * @param pluginId the id the service declares, or {@code ""} if it declares none
 * @param bundleId the id of the bundle that registered the service
 * @param bundle that bundle's symbolic name and version
 * @param serviceId the service's {@code service.id}
 * @param reason what is wrong, naming the plugin, the bad value and the rule
 * @param fix what to change so that the plugin is accepted
 */
public record Rejection(String pluginId, long bundleId, String bundle, long serviceId, String reason, String fix) {

    /** The reason and the fix in one message. */
    public String message() {
        return reason + " Fix: " + fix;
    }

    @Override
    public String toString() {
        return message();
    }
}
