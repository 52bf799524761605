package dev.grove.api.spi;

/** Version facts about the API a plugin builds against. */
public final class GroveApi {

    /** The plugin API version; a plugin reporting another major version is not loaded. */
    public static final String VERSION = "1.0";

    private GroveApi() {
    }

    /** Whether a plugin built against {@code version} can run with this API (same major version). */
    public static boolean isCompatible(String version) {
        if (version == null) {
            return false;
        }
        String major = VERSION.substring(0, VERSION.indexOf('.'));
        return version.equals(major) || version.startsWith(major + ".");
    }
}
