package dev.grove.loader.run;

import dev.grove.api.run.ProgressSink;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows progress: on a terminal a bar with the count, the rate, the ETA and the latest message (a
 * training loop's loss), redrawn at most ten times a second and cleared when the task ends;
 * otherwise (output piped to a file) a plain line every five seconds, and a last line with the
 * elapsed time at the end of a task that printed any. Quick tasks therefore print nothing.
 */
final class ProgressReporter implements ProgressSink {

    private static final long BAR_INTERVAL_NANOS = 100_000_000L;
    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final Console console;
    private final LongSupplier nanoClock;
    private String currentTask;
    private long taskStart;
    private long lastShown;
    private boolean shownAny;

    ProgressReporter(Console console) {
        this(console, System::nanoTime);
    }

    /** A reporter reading the time from {@code nanoClock} (nanoseconds, like {@link System#nanoTime}). */
    ProgressReporter(Console console, LongSupplier nanoClock) {
        this.console = console;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void update(String task, long done, long total, String message) {
        long now = nanoClock.getAsLong();
        if (!task.equals(currentTask)) {
            currentTask = task;
            taskStart = now;
            lastShown = now;
            shownAny = false;
        }
        boolean finished = total > 0 && done >= total;
        if (finished) {
            if (console.isTerminal()) {
                console.bar("");
            } else if (shownAny) {
                console.line(render(task, done, total, message, now - taskStart) + "  (done in "
                        + duration((now - taskStart) / 1e9) + ")");
            }
            currentTask = null;
            return;
        }
        long interval = console.isTerminal() ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS;
        if (now - lastShown < interval) {
            return;
        }
        lastShown = now;
        shownAny = true;
        String text = render(task, done, total, message, now - taskStart);
        if (console.isTerminal()) {
            console.bar(text);
        } else {
            console.line(text);
        }
    }

    /** {@code task [#####-----] done/total  rate/s  ETA m:ss  message}; the ETA extrapolates the rate so far. */
    private static String render(String task, long done, long total, String message, long elapsedNanos) {
        StringBuilder sb = new StringBuilder(task).append(' ');
        double seconds = elapsedNanos / 1e9;
        if (total > 0) {
            double fraction = Math.min(1.0, done / (double) total);
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            sb.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(done).append('/').append(total);
        } else {
            sb.append(done);
        }
        if (done > 0 && seconds > 0) {
            sb.append("  ").append(rate(done / seconds)).append("/s");
        }
        if (total > 0 && done > 0 && done < total) {
            sb.append("  ETA ").append(duration(seconds * (total - done) / done));
        }
        if (message != null && !message.isEmpty()) {
            sb.append("  ").append(message);
        }
        return sb.toString();
    }

    /** Steps per second: one decimal below 100, whole numbers above. */
    private static String rate(double perSecond) {
        return perSecond < 100 ? String.format(Locale.ROOT, "%.1f", perSecond) : Long.toString(Math.round(perSecond));
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on, rounded to the second. */
    static String duration(double seconds) {
        long total = Math.round(seconds);
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long secs = total % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }
}
