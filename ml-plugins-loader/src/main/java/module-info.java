/** The Grove runtime: plugin discovery, experiment files, Guice wiring and the CLI. */
module dev.grove.loader {
    requires dev.grove.api;
    requires com.google.guice;
    requires org.yaml.snakeyaml;
    requires info.picocli;
    requires jdk.unsupported;
}
