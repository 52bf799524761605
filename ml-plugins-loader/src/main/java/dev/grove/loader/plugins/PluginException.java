package dev.grove.loader.plugins;

/** Plugins could not be loaded as a whole (unreadable folder, invalid jars, name clashes). */
public final class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong and where. */
    public PluginException(String message) {
        super(message);
    }
}
