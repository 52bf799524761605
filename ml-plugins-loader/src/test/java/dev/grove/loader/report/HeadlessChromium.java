package dev.grove.loader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens pages in Debian's headless Chromium, as a person's browser would: the DOM after the page
 * loaded and ran its scripts, every message the page wrote to the console (an error, an uncaught
 * exception, a resource that failed to load), and a screenshot. Each launch gets a fresh profile
 * and no network-facing background services.
 */
final class HeadlessChromium {

    /** Where Debian's chromium package puts the browser; .ci/run installs it when missing. */
    static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 120;
    /** How Chromium logs what a page writes to its console, e.g. {@code INFO:CONSOLE:1] "Uncaught …", source: …}. */
    private static final Pattern CONSOLE_LINE = Pattern.compile(".*:CONSOLE[:(].*");

    /** A loaded page: its DOM after load and the console messages it produced. */
    record Load(String dom, List<String> consoleMessages) {
    }

    private final Path executable;
    private final Path work;

    private HeadlessChromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /** The browser, when this machine has one; {@code work} holds its profiles and logs. */
    static Optional<HeadlessChromium> find(Path work) {
        return Files.isExecutable(DEBIAN_CHROMIUM) ? Optional.of(new HeadlessChromium(DEBIAN_CHROMIUM, work)) : Optional.empty();
    }

    /** Loads {@code page} and returns its DOM after load and its console messages. */
    Load load(Path page) {
        Result result = run(page, List.of("--dump-dom"));
        return new Load(result.stdout, consoleMessages(result.stderr));
    }

    /**
     * Loads {@code page} once in a 1280×2000 window, saves a screenshot of it to {@code png}, and
     * returns its DOM after load and its console messages.
     */
    Load loadAndScreenshot(Path page, Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.deleteIfExists(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Result result = run(page, List.of("--hide-scrollbars", "--window-size=1280,2000", "--screenshot=" + png.toAbsolutePath(),
                "--dump-dom"));
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("chromium wrote no screenshot to " + png + "; its log:\n" + result.stderr);
        }
        return new Load(result.stdout, consoleMessages(result.stderr));
    }

    /** The lines of a Chromium log that are console messages of the page. */
    static List<String> consoleMessages(String log) {
        List<String> messages = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = CONSOLE_LINE.matcher(line);
            if (m.matches()) {
                messages.add(line.trim());
            }
        }
        return messages;
    }

    private record Result(String stdout, String stderr) {
    }

    private Result run(Path page, List<String> action) {
        try {
            Path profile = Files.createTempDirectory(Files.createDirectories(work), "chromium-profile-");
            Path out = Files.createTempFile(work, "chromium-", ".out");
            Path err = Files.createTempFile(work, "chromium-", ".err");
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
            command.addAll(action);
            command.add(page.toAbsolutePath().toUri().toString());
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s on " + page);
            }
            return new Result(Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chromium loaded " + page, e);
        }
    }
}
