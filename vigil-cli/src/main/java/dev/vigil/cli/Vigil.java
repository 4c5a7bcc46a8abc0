package dev.vigil.cli;

import picocli.CommandLine;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/**
 * The {@code vigil} command. Exit codes, the same for every subcommand:
 * 0 ran clean; 1 detections found and {@code --fail-on-detection} was given; 2 bad usage or analytics that
 * failed to load under {@code --strict}; 3 more input errors than {@code --max-input-errors} allows.
 *
 * <p>Subcommands come from {@link #COMMANDS}, not from the annotation: picocli reads every option of every
 * subcommand it is given, by reflection, before it parses a word, and a cold JVM takes about 0.1 s on one
 * core to do that for the subcommands it would not run. A command line that names its subcommand first gets only
 * that one; any other (no arguments, {@code --help}, {@code help hunt}, a misspelt name, an {@code @file})
 * gets them all, so help, version and "did you mean" read as before.
 */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs threat-detection analytics (CAR, SPL, LogPoint, Sigma) over Windows event logs.",
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

    /** The subcommands by name, in the order help lists them. */
    static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("hunt", HuntCommand::new);
        m.put("lint", LintCommand::new);
        m.put("dump", DumpCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("test", TestCommand::new);
        m.put("explain", ExplainCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

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
        String named = args.length > 0 && !args[0].equals("help") && COMMANDS.containsKey(args[0]) ? args[0] : null;
        COMMANDS.forEach((name, command) -> {
            if (named == null || named.equals(name)) {
                cl.addSubcommand(name, command.get());
            }
        });
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
