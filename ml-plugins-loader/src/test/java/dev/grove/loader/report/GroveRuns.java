package dev.grove.loader.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.loader.cli.GroveCli;
import dev.grove.loader.modelio.StrictJson;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the grove command line for the report tests — in-process, or in a separate grove process
 * that also has the neural and generative families on its module path — and reads what runs wrote.
 */
final class GroveRuns {

    /** The system property (set by the build) that lists where the neural and generative families are. */
    static final String FAMILIES_PROPERTY = "grove.test.families";
    private static final long PROCESS_TIMEOUT_SECONDS = 600;

    private GroveRuns() {
    }

    /**
     * Runs grove in a process of its own, launched as the grove launcher launches it, with the
     * families of {@value #FAMILIES_PROPERTY} on its module path next to the runtime's; checks it
     * succeeded and returns what it printed.
     */
    static String groveWithFamilies(Path work, String... args) {
        String families = System.getProperty(FAMILIES_PROPERTY, "");
        assertThat(families).as("the build sets %s to the neural and generative families' locations", FAMILIES_PROPERTY)
                .isNotBlank();
        String modulePath = System.getProperty("jdk.module.path") + File.pathSeparator + families;
        // Libraries that are not modules (Guice's Guava) are on the tests' class path; the runtime needs them too.
        String classPath = Stream.of(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-p", modulePath, "-cp", classPath,
                "-m", "dev.grove.loader/dev.grove.loader.cli.GroveCli"));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile(Files.createDirectories(work), "grove-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("grove " + String.join(" ", args) + " did not finish in " + PROCESS_TIMEOUT_SECONDS + " s");
            }
            String printed = Files.readString(output);
            assertThat(process.exitValue()).as("grove %s\n%s", String.join(" ", args), printed).isZero();
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grove ran", e);
        }
    }

    /** Whether the grove process of {@link #groveWithFamilies} has the component {@code name} (e.g. vae). */
    static boolean familiesProvide(Path work, String name) {
        return groveWithFamilies(work, "list").lines().anyMatch(line -> line.trim().startsWith(name + " "));
    }

    /** Runs grove with {@code args}, checks it succeeded, and returns what it printed. */
    static String grove(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GroveCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("grove %s\n%s%s", String.join(" ", args), out, err).isZero();
        return out + err.toString();
    }

    /** Writes an experiment file. */
    static Path experiment(Path dir, String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run's metrics.json, parsed. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> metrics(Path runDirectory) {
        try {
            return (Map<String, Object>) StrictJson.read(Files.readString(runDirectory.resolve("metrics.json")), "metrics.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A figure of metrics.json. */
    static double metric(Path runDirectory, String key) {
        Object value = metrics(runDirectory).get(key);
        assertThat(value).as("metrics.json has %s", key).isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }
}
