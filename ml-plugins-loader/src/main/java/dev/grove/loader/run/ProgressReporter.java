package dev.grove.loader.run;

import dev.grove.api.run.ProgressSink;

/**
 * Shows progress: a bar with percentage, ETA and the latest message on a terminal, redrawn at most
 * ten times a second and cleared when the task ends; otherwise (output piped to a file) a plain
 * line every five seconds, and a last line at the end of a task that printed any. Quick tasks
 * therefore print nothing.
 */
final class ProgressReporter implements ProgressSink {

    private static final long BAR_INTERVAL_NANOS = 100_000_000L;
    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final Console console;
    private String currentTask;
    private long taskStart;
    private long lastShown;
    private boolean shownAny;

    ProgressReporter(Console console) {
        this.console = console;
    }

    @Override
    public synchronized void update(String task, long done, long total, String message) {
        long now = System.nanoTime();
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
                console.line(render(task, done, total, message, now - taskStart));
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

    private static String render(String task, long done, long total, String message, long elapsedNanos) {
        StringBuilder sb = new StringBuilder(task).append(' ');
        if (total > 0) {
            double fraction = Math.min(1.0, done / (double) total);
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            sb.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(done).append('/').append(total);
            if (done > 0 && done < total) {
                long etaSeconds = Math.round(elapsedNanos / 1e9 * (total - done) / done);
                sb.append(" ETA ").append(etaSeconds).append('s');
            }
        } else {
            sb.append(done);
        }
        if (message != null && !message.isEmpty()) {
            sb.append("  ").append(message);
        }
        return sb.toString();
    }
}
