package dev.grove.loader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** How failures become one message and an exit code. */
class FailureReportTest {

    @Test
    void runningOutOfMemoryIsARunFailureWithAHintAndNoStackTrace() {
        StringWriter err = new StringWriter();

        int code = GroveCli.report(new OutOfMemoryError("Java heap space"), new PrintWriter(err, true), false);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(
                "grove: run failed: out of memory (Java heap space); give Java more with GROVE_JAVA_OPTS=-Xmx4g,"
                        + " or use less (a smaller batch-size)",
                "(run again with --debug for the stack trace)");
    }

    @Test
    void aFailureWithACauseNamesBoth() {
        StringWriter err = new StringWriter();

        int code = GroveCli.report(new IllegalStateException("cannot write checkpoint",
                new java.io.IOException("disk full")), new PrintWriter(err, true), false);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("grove: run failed: cannot write checkpoint: disk full\n");
    }
}
