package dev.grove.loader.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A training loop's per-step progress: a redrawn bar with rate, ETA and loss on a terminal, sparse lines otherwise. */
class ProgressReporterTest {

    private static final String CLEAR = "\r\033[2K";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long now;

    private ProgressReporter reporter(boolean terminal) {
        Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, false);
        return new ProgressReporter(console, () -> now);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void at(double seconds) {
        now = Math.round(seconds * 1e9);
    }

    @Test
    void onATerminalTheBarShowsCountRateEtaAndLossAndIsClearedAtTheEnd() {
        ProgressReporter progress = reporter(true);
        at(0);
        progress.update("epoch 1/3", 0, 100, "");
        at(2);
        // 20 of 100 steps in 2 s: 10 steps/s, so the other 80 take 8 s; 20/100 of a 30-wide bar is 6 marks.
        progress.update("epoch 1/3", 20, 100, "loss 0.500");
        at(2.05);
        progress.update("epoch 1/3", 21, 100, "loss 0.499");
        at(5);
        progress.update("epoch 1/3", 100, 100, "loss 0.100");

        assertThat(output()).isEqualTo(CLEAR + "epoch 1/3 [######------------------------] 20/100  10.0/s  ETA 0:08  loss 0.500"
                + CLEAR);
    }

    @Test
    void withoutATerminalAPlainLineEveryFiveSecondsAndOneAtTheEnd() {
        ProgressReporter progress = reporter(false);
        at(0);
        progress.update("train", 0, 100, "");
        at(1);
        progress.update("train", 10, 100, "loss 0.9");
        at(6);
        // 60 steps in 6 s: 10/s, 40 left take 4 s; 18 of 30 marks.
        progress.update("train", 60, 100, "loss 0.1");
        at(9);
        // 100 steps in 9 s: 11.1/s.
        progress.update("train", 100, 100, "loss 0.05");

        assertThat(output().lines()).containsExactly(
                "train [##################------------] 60/100  10.0/s  ETA 0:04  loss 0.1",
                "train [##############################] 100/100  11.1/s  loss 0.05  (done in 0:09)");
    }

    @Test
    void aQuickTaskPrintsNothingAndLongDurationsShowHours() {
        ProgressReporter progress = reporter(false);
        at(0);
        progress.update("fold", 0, 3, "");
        at(1);
        progress.update("fold", 3, 3, "");

        assertThat(output()).isEmpty();
        assertThat(ProgressReporter.duration(3725)).isEqualTo("1:02:05");
        assertThat(ProgressReporter.duration(59.6)).isEqualTo("1:00");
    }
}
