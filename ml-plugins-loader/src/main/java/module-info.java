/**
 * The Grove runtime: plugin discovery, experiment files, Guice wiring, run outputs, saved models
 * and the {@code grove} command line.
 */
module dev.grove.loader {
    requires dev.grove.api;
    requires com.google.guice;
    // Guice 7 is an automatic module and declares no dependencies; its injection annotations live here.
    requires jakarta.inject;
    requires org.yaml.snakeyaml;
    requires info.picocli;
    // Guice's generated classes need sun.misc.Unsafe; without this they land in an unnamed module.
    requires jdk.unsupported;

    uses dev.grove.api.spi.Plugin;

    // Guice constructs the run's object graph reflectively; picocli reflects into its commands.
    opens dev.grove.loader.run to com.google.guice;
    opens dev.grove.loader.cli to info.picocli;
}
