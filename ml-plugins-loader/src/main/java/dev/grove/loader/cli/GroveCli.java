package dev.grove.loader.cli;

import dev.grove.loader.config.ConfigException;
import dev.grove.loader.plugins.PluginException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code grove} command. Exit codes: 0 success, 2 a usage or configuration error, 1 a run that
 * failed. Errors are one clear message; {@code --debug} adds the stack trace.
 */
@Command(name = "grove", mixinStandardHelpOptions = true, versionProvider = GroveVersion.class,
        description = "Machine learning on the JVM: run YAML experiments, inspect components, predict with saved models.",
        subcommands = {RunCommand.class, ValidateCommand.class, SummaryCommand.class, ListCommand.class,
                DescribeCommand.class, PredictCommand.class, GenerateCommand.class, ReportCommand.class, CompareCommand.class,
                CommandLine.HelpCommand.class})
public final class GroveCli {

    /** Exit code of a run that failed. */
    static final int RUN_FAILED = 1;
    /** Exit code of a usage or configuration error. */
    static final int CONFIG_ERROR = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces for errors.")
    boolean debug;

    /** Runs the command line and returns the exit code (picocli already uses 2 for invalid usage). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new GroveCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            boolean debug = parseResult.matchedOption("--debug") != null
                    || parseResult.subcommand() != null && parseResult.subcommand().matchedOption("--debug") != null;
            return report(e, commandLine.getErr(), debug);
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli hands only exceptions to the handler; a training that runs out of memory still
            // deserves one message rather than a stack trace.
            return report(e, err, List.of(args).contains("--debug"));
        }
    }

    /** Turns a failure into one message and an exit code. */
    static int report(Throwable e, PrintWriter err, boolean debug) {
        int code;
        if (e instanceof ConfigException config) {
            err.println("grove: the experiment has " + config.problems().size() + " problem"
                    + (config.problems().size() == 1 ? "" : "s") + ":");
            config.problems().forEach(p -> err.println("  " + p));
            code = CONFIG_ERROR;
        } else if (e instanceof PluginException || e instanceof UsageException) {
            err.println("grove: " + e.getMessage());
            code = CONFIG_ERROR;
        } else if (e instanceof OutOfMemoryError) {
            err.println("grove: run failed: out of memory (" + message(e) + "); give Java more with GROVE_JAVA_OPTS=-Xmx4g,"
                    + " or use less (a smaller batch-size)");
            code = RUN_FAILED;
        } else {
            err.println("grove: run failed: " + message(e));
            code = RUN_FAILED;
        }
        if (debug) {
            e.printStackTrace(err);
        } else if (code == RUN_FAILED) {
            err.println("(run again with --debug for the stack trace)");
        }
        err.flush();
        return code;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null && !m.contains(cause.getMessage()) ? m + ": " + cause.getMessage() : m;
    }

    /** The entry point of the grove launcher. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(args, out, err));
    }
}
