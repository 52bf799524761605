package dev.grove.loader.run;

import java.io.PrintStream;

/**
 * Where a run talks to the user: status lines, and progress drawn as a bar on a terminal or as
 * plain periodic lines when output is redirected.
 */
public final class Console {

    private final PrintStream out;
    private final boolean terminal;
    private final boolean quiet;

    /** Talks on {@code out}; {@code terminal} enables the redrawn bar. */
    public Console(PrintStream out, boolean terminal, boolean quiet) {
        this.out = out;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    /** A console on standard error that draws bars only when attached to a terminal. */
    public static Console standard() {
        return new Console(System.err, System.console() != null, false);
    }

    /** A console that prints nothing. */
    public static Console silent() {
        return new Console(System.err, false, true);
    }

    /** Prints one status line. */
    public synchronized void line(String text) {
        if (!quiet) {
            if (terminal) {
                out.print("\r\033[2K");
            }
            out.println(text);
            out.flush();
        }
    }

    /** Redraws the progress bar in place (terminal only). */
    synchronized void bar(String text) {
        if (!quiet && terminal) {
            out.print("\r\033[2K" + text);
            out.flush();
        }
    }

    /** Whether the bar is drawn in place. */
    boolean isTerminal() {
        return terminal && !quiet;
    }
}
