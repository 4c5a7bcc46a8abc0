package dev.vigil.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import picocli.CommandLine.Command;

/**
 * The {@code vigil} command. Exit codes, the same for every subcommand:
 * 0 ran clean; 1 detections found and {@code --fail-on-detection} was given; 2 bad usage or analytics that
 * failed to load under {@code --strict}; 3 more input errors than {@code --max-input-errors} allows.
 */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs threat-detection analytics (CAR, SPL, LogPoint, Sigma) over Windows event logs.",
        subcommands = {HuntCommand.class, LintCommand.class, DumpCommand.class, CompareCommand.class,
                TestCommand.class, ExplainCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ran clean",
                "  1  detections found and --fail-on-detection was given",
                "  2  bad usage, or analytics that did not load under --strict",
                "  3  more input errors than --max-input-errors allows"})
public final class Vigil {

    public static final int OK = 0;
    public static final int DETECTIONS = 1;
    public static final int USAGE = 2;
    public static final int INPUT_ERRORS = 3;

    private static PrintStream out = System.out;
    private static PrintStream err = System.err;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static PrintStream out() {
        return out;
    }

    static PrintStream err() {
        return err;
    }

    /** Runs with the given standard streams (tests capture them this way). */
    public static synchronized int run(PrintStream stdout, PrintStream stderr, String... args) {
        PrintStream o = out;
        PrintStream e = err;
        out = stdout;
        err = stderr;
        try {
            return run(args);
        } finally {
            out = o;
            err = e;
        }
    }

    /** Runs the command line and returns the exit code; usage errors name the problem, never a stack trace. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Vigil());
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExitCodeExceptionMapper(e -> USAGE);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("vigil: error: " + ex.getMessage());
            return USAGE;
        });
        return cl.execute(args);
    }
}
