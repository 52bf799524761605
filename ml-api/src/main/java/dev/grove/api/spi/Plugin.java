package dev.grove.api.spi;

/**
 * A family of Grove components, found with {@link java.util.ServiceLoader}: declare
 * {@code provides dev.grove.api.spi.Plugin with YourPlugin;} in your module-info. Registration must
 * be cheap and free of side effects (no I/O, no threads).
 */
public interface Plugin {

    /** A stable id, e.g. {@code grove-classical}. */
    String id();

    /** The API version the plugin was built against; must equal {@link GroveApi#VERSION}'s major part. */
    String apiVersion();

    /** Adds this plugin's components. */
    void register(Registry registry);
}
