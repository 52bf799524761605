package dev.grove.loader.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the grove command line in-process and captures what it prints. */
final class CliHarness {

    /** One invocation's exit code and output. */
    record Outcome(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private CliHarness() {
    }

    static Outcome grove(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GroveCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }
}
