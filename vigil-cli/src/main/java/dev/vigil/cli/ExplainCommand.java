package dev.vigil.cli;

import dev.vigil.core.analytic.Query;
import dev.vigil.core.engine.CompiledQuery;
import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.core.engine.Compiler;
import dev.vigil.core.engine.ReferenceInterpreter;
import dev.vigil.core.engine.plan.Witnesses.Witness;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.run.RunSummary;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.ImplementationStatus;
import dev.vigil.dialects.catalog.LoadedAnalytic;
import dev.vigil.dialects.catalog.LoadedImplementation;
import dev.vigil.formats.InputReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code vigil explain}: what the engine makes of an analytic. For each implementation that runs: its
 * queries' IR after the compiler's passes, the event classes they are routed to, their witness literals
 * (the candidate index) and the size of the fused automata of those classes. With {@code --event}, for
 * each event in the file: whether each query is in scope, whether its witnesses occur, and the verdict of
 * every node of its condition.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Prints an analytic's IR and compiled plan, and with --event why each implementation matched "
                + "or not on each event of a file.")
public final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ANALYTIC", description = "the analytic's id or title")
    String analytic;

    @Mixin
    AnalyticsOptions analytics;

    @Option(names = "--event", paramLabel = "FILE", description = "an event file (any format hunt reads)")
    String eventFile;

    @Override
    public Integer call() {
        PrintStream out = Vigil.out();
        PrintStream err = Vigil.err();
        Catalog catalog = analytics.load();
        CompiledRuleSet.Builder b = CompiledRuleSet.builder();
        List<Integer> mine = new ArrayList<>();
        LoadedAnalytic found = null;
        int index = 0;
        for (LoadedAnalytic a : catalog.analytics()) {
            boolean wanted = a.analytic().id().equals(analytic) || a.analytic().title().equalsIgnoreCase(analytic);
            if (wanted && found == null) {
                found = a;
            }
            for (LoadedImplementation i : a.implementations()) {
                if (i.status() == ImplementationStatus.RUNS) {
                    for (Query q : i.queries()) {
                        b.add(a.analytic(), i.implementation(), q);
                        if (a == found) {
                            mine.add(index);
                        }
                        index++;
                    }
                }
            }
        }
        if (found == null) {
            err.println("vigil: error: no analytic with id or title '" + analytic + "' among the loaded analytics");
            return Vigil.USAGE;
        }
        CompiledRuleSet set = b.build();
        Compiler compiler = new Compiler();
        out.println(found.analytic().id() + "  " + found.analytic().title());
        for (LoadedImplementation i : found.implementations()) {
            if (i.status() != ImplementationStatus.RUNS) {
                out.println("  implementation " + i.implementation().name() + ": " + i.status().name().toLowerCase(Locale.ROOT)
                        + " (not compiled)");
            }
        }
        for (int qi : mine) {
            CompiledQuery q = set.queries().get(qi);
            out.println("  implementation " + q.implementation().name() + " (" + q.implementation().dialect() + "), query "
                    + q.query().label());
            out.println("    routed to:  " + q.query().scope());
            out.println("    IR:         " + q.query().filter());
            out.println("    optimised:  " + compiler.optimise(q.query().filter()));
            List<Set<Witness>> w = set.witnesses(qi);
            out.println("    witnesses:  " + (w == null ? "none (evaluated on every event in scope)"
                    : "one literal of each of " + w + " (~ contains, ^ starts, $ ends, = equals, ! absent)"));
            for (EventClass c : q.query().scope().selectors()) {
                for (String line : set.describePlan(c).split("\n")) {
                    out.println("    plan " + line);
                }
            }
        }
        if (eventFile != null) {
            explainEvents(out, set, mine, catalog);
        }
        return Vigil.OK;
    }

    private void explainEvents(PrintStream out, CompiledRuleSet set, List<Integer> mine, Catalog catalog) {
        List<CanonicalEvent> events = new ArrayList<>();
        new InputReader(new RunSummary(), p -> Vigil.err().println(p.render())).derive(catalog.fieldsUsed())
                .read(List.of(eventFile), events::add);
        for (CanonicalEvent ev : events) {
            out.println("event " + ev.origin() + " class " + ev.eventClass());
            List<CompiledQuery> hits = new ArrayList<>();
            set.match(ev, h -> hits.add(h.query()));
            for (int qi : mine) {
                CompiledQuery q = set.queries().get(qi);
                String name = "  " + q.implementation().name() + "/" + q.query().label() + ": ";
                if (!q.query().scope().contains(ev.eventClass())) {
                    out.println(name + "no match: event class not in scope " + q.query().scope());
                    continue;
                }
                List<Set<Witness>> w = set.witnesses(qi, ev.eventClass());
                List<Witness> present = new ArrayList<>();
                int unsatisfied = 0;
                for (Set<Witness> clause : w == null ? List.<Set<Witness>>of() : w) {
                    int before = present.size();
                    for (Witness x : clause) {
                        if (occurs(ev, x)) {
                            present.add(x);
                        }
                    }
                    unsatisfied += present.size() == before ? 1 : 0;
                }
                out.println(name + (hits.contains(q) ? "MATCH" : "no match")
                        + (w == null ? "" : unsatisfied > 0 ? " (skipped by the index: " + unsatisfied
                        + " witness clause(s) without a literal in the event)"
                        : " (witnesses present: " + present + ")"));
                tree(out, q.query().filter(), ev, "    ");
            }
        }
    }

    private static boolean occurs(CanonicalEvent ev, Witness x) {
        if (x.field().isAny()) {
            for (int i = 0; i < ev.size(); i++) {
                if (x.holdsIn(ev.get(ev.fieldAt(i)))) {
                    return true;
                }
            }
            return false;
        }
        return x.holdsIn(ev.get(x.field()));
    }

    /** The condition as a tree, each node with the reference interpreter's verdict on the event. */
    private static void tree(PrintStream out, Expr e, CanonicalEvent ev, String indent) {
        String verdict = ReferenceInterpreter.eval(e, ev) ? "[true]  " : "[false] ";
        List<Expr> children = e instanceof Expr.And a ? a.terms() : e instanceof Expr.Or o ? o.terms()
                : e instanceof Expr.Not n ? List.of(n.term()) : List.of();
        if (children.isEmpty()) {
            out.println(indent + verdict + e);
            return;
        }
        out.println(indent + verdict + (e instanceof Expr.And ? "and" : e instanceof Expr.Or ? "or" : "not"));
        for (Expr c : children) {
            tree(out, c, ev, indent + "  ");
        }
    }
}
