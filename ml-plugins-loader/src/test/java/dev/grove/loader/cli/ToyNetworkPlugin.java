package dev.grove.loader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the toy network plugin (sources in src/test/toy-network, written against ml-api alone) into
 * a jar, the way a third party would, for tests that run networks through the real CLI with
 * {@code --plugins}. The neural family itself is not a dependency of the runtime or its tests.
 */
final class ToyNetworkPlugin {

    private static final Path SOURCES = Path.of("src/test/toy-network");

    private ToyNetworkPlugin() {
    }

    /** Compiles the plugin under {@code work} and returns the folder holding its jar. */
    static Path build(Path work) {
        try {
            List<String> args = new ArrayList<>(List.of("--release", "17", "-d", work.resolve("classes").toString(),
                    "--module-path", location("dev.grove.api") + File.pathSeparator + location("dev.grove.tensor")));
            try (Stream<Path> files = Files.walk(SOURCES)) {
                files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
            }
            run("javac", args.toArray(String[]::new));
            Path plugins = Files.createDirectories(work.resolve("plugins"));
            run("jar", "--create", "--file", plugins.resolve("toy-network.jar").toString(), "-C",
                    work.resolve("classes").toString(), ".");
            return plugins;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(String module) {
        URI uri = ModuleLayer.boot().configuration().findModule(module).orElseThrow().reference().location().orElseThrow();
        return Path.of(uri).toString();
    }

    private static void run(String tool, String... args) {
        StringWriter output = new StringWriter();
        int code = ToolProvider.findFirst(tool).orElseThrow()
                .run(new PrintWriter(output, true), new PrintWriter(output, true), args);
        assertThat(code).as(tool + " " + String.join(" ", args) + "\n" + output).isZero();
    }
}
