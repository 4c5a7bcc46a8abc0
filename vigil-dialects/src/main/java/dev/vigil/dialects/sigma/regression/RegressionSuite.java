package dev.vigil.dialects.sigma.regression;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.engine.Compiler;
import dev.vigil.core.engine.Matcher;
import dev.vigil.core.event.Event;
import dev.vigil.dialects.sigma.SigmaDialect;
import dev.vigil.dialects.sigma.SigmaLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs SigmaHQ regression cases: each case's named rule must fire on at least one of its events. Events come
 * from a caller-supplied {@link EventReader} (the JSON rendering today, the EVTX file once a reader exists),
 * so this class knows nothing about formats.
 */
public final class RegressionSuite {

    /** Reads the events of one case log; returns an empty list when it cannot read that kind of file. */
    @FunctionalInterface
    public interface EventReader {
        List<Event> read(Path log) throws IOException;
    }

    public enum Outcome { PASS, FAIL, NO_RULE, RULE_REJECTED, NO_EVENTS }

    /**
     * @param events  events read for the case
     * @param inScope events inside the rule's logsource scope
     * @param matched events the rule fired on
     * @param why     for anything but PASS, what happened (the rule's diagnostics, the unreadable file, ...)
     */
    public record Result(RegressionCase regressionCase, Outcome outcome, int events, int inScope, int matched,
                         String why) {
    }

    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:\\s*['\"]?([0-9A-Za-z-]+)['\"]?\\s*$");

    private final Map<String, Path> rulesById;
    private final SigmaDialect dialect;
    private final EventReader reader;

    public RegressionSuite(Map<String, Path> rulesById, SigmaDialect dialect, EventReader reader) {
        this.rulesById = Map.copyOf(rulesById);
        this.dialect = dialect;
        this.reader = reader;
    }

    /** Rule files by their {@code id:} under {@code root} (every {@code .yml} below it). */
    public static Map<String, Path> indexRules(Path root) {
        Map<String, Path> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                java.util.regex.Matcher m = ID_LINE.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    out.putIfAbsent(m.group(1), p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public Result run(RegressionCase c) {
        Path ruleFile = rulesById.get(c.ruleId());
        if (ruleFile == null) {
            return new Result(c, Outcome.NO_RULE, 0, 0, 0, "no rule with id " + c.ruleId());
        }
        Diagnostics diags = new Diagnostics();
        List<Query> queries = new ArrayList<>();
        try {
            String text = Files.readString(ruleFile, StandardCharsets.UTF_8);
            for (Analytic a : new SigmaLoader().load(ruleFile.toString(), text, diags)) {
                if (a.id().equals(c.ruleId())) {
                    queries.addAll(dialect.compile(a.implementations().get(0), diags));
                }
            }
        } catch (IOException e) {
            return new Result(c, Outcome.NO_RULE, 0, 0, 0, "cannot read " + ruleFile + ": " + e.getMessage());
        }
        if (queries.isEmpty()) {
            return new Result(c, Outcome.RULE_REJECTED, 0, 0, 0, diags.all().stream().filter(Diagnostic::isError)
                    .map(Diagnostic::render).reduce((a, b) -> a + "; " + b).orElse("rule did not compile"));
        }
        List<Event> events = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (Path log : c.logs()) {
            try {
                List<Event> e = reader.read(log);
                if (e.isEmpty()) {
                    unread.add(log.getFileName().toString());
                }
                events.addAll(e);
            } catch (IOException | RuntimeException e) {
                unread.add(log.getFileName() + " (" + e.getMessage() + ")");
            }
        }
        if (events.isEmpty()) {
            return new Result(c, Outcome.NO_EVENTS, 0, 0, 0, "no events read from " + (unread.isEmpty() ? c.logs()
                    : unread));
        }
        Compiler compiler = new Compiler();
        int inScope = 0;
        int matched = 0;
        for (Query q : queries) {
            Matcher m = compiler.compile(q.filter());
            for (Event e : events) {
                if (q.scope().contains(e.eventClass())) {
                    inScope++;
                    if (m.test(e)) {
                        matched++;
                    }
                }
            }
        }
        if (matched > 0) {
            return new Result(c, Outcome.PASS, events.size(), inScope, matched, "");
        }
        String why = inScope == 0 ? "no event in the rule's scope " + queries.get(0).scope() + "; classes seen: "
                + events.stream().map(e -> e.eventClass().toString()).distinct().toList()
                : inScope + " event(s) in scope, none matched";
        return new Result(c, Outcome.FAIL, events.size(), inScope, matched, why);
    }
}
