package dev.grove.loader.cli;

import picocli.CommandLine.IVersionProvider;

/** The Grove version, read from the loader module's descriptor (set by the build). */
public final class GroveVersion implements IVersionProvider {

    /** The version string, or "development" when run from classes without a versioned module. */
    public static String current() {
        return GroveVersion.class.getModule().getDescriptor() == null ? "development"
                : GroveVersion.class.getModule().getDescriptor().rawVersion().orElse("development");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"grove " + current(), "Java " + Runtime.version()};
    }
}
