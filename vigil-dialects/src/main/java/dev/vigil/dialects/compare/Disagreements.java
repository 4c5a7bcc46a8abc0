package dev.vigil.dialects.compare;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.engine.Compiler;
import dev.vigil.core.engine.Matcher;
import dev.vigil.core.event.Event;
import dev.vigil.core.ir.Expr;
import dev.vigil.dialects.DialectKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every implementation of one analytic over the same events and says, per event, which
 * implementations matched, and why one could not where the IR records it (a branch replaced by a
 * constant, e.g. "pseudocode: field 'comman_line' does not exist"; an event outside the scope). Only the
 * event filter is compared: stages turn events into rows, which have no per-event verdict.
 */
public final class Disagreements {

    /** One implementation's verdict on one event. */
    public record Verdict(String implementation, boolean matched, List<String> why) {
    }

    /** The verdicts on one event; {@link #disagree()} when implementations differ. */
    public record EventReport(Event event, List<Verdict> verdicts) {
        public boolean disagree() {
            return verdicts.stream().map(Verdict::matched).distinct().count() > 1;
        }
    }

    private record Runnable(Implementation implementation, Query query, Matcher matcher) {
    }

    private final List<Runnable> runnables = new ArrayList<>();
    private final Map<String, String> notRunnable = new LinkedHashMap<>();

    /** Compiles every implementation of {@code analytic}; those that cannot run are listed, not compared. */
    public Disagreements(Analytic analytic, Diagnostics diagnostics) {
        Compiler compiler = new Compiler();
        for (Implementation impl : analytic.implementations()) {
            Optional<DialectKind> kind = DialectKind.byKey(impl.dialect());
            if (kind.isEmpty()) {
                notRunnable.put(label(impl), "dialect '" + impl.dialect() + "' is not supported");
                continue;
            }
            Diagnostics d = new Diagnostics();
            List<Query> qs = kind.get().create().compile(impl, d);
            diagnostics.addAll(d);
            if (qs.isEmpty() || d.hasErrors()) {
                notRunnable.put(label(impl), "does not compile");
                continue;
            }
            Query q = qs.get(0);
            runnables.add(new Runnable(impl, q, compiler.compile(q.filter())));
        }
    }

    private static String label(Implementation impl) {
        return impl.dialect() + ": " + impl.name();
    }

    /** Implementations left out of the comparison, with the reason. */
    public Map<String, String> notCompared() {
        return notRunnable;
    }

    public EventReport report(Event event) {
        List<Verdict> out = new ArrayList<>();
        for (Runnable r : runnables) {
            boolean inScope = r.query().scope().contains(event.eventClass());
            boolean matched = inScope && r.matcher().test(event);
            List<String> why = new ArrayList<>();
            if (!inScope) {
                why.add("event class " + event.eventClass() + " is outside its scope " + r.query().scope());
            }
            if (!matched) {
                deadBranches(r.query().filter(), why);
            }
            out.add(new Verdict(label(r.implementation()), matched, why));
        }
        return new EventReport(event, out);
    }

    /** The reports for events on which the implementations do not all agree. */
    public List<EventReport> disagreements(Iterable<? extends Event> events) {
        List<EventReport> out = new ArrayList<>();
        for (Event e : events) {
            EventReport r = report(e);
            if (r.disagree()) {
                out.add(r);
            }
        }
        return out;
    }

    private static void deadBranches(Expr e, List<String> why) {
        if (e instanceof Expr.Const c && !c.value() && !c.why().isEmpty()) {
            why.add(c.why() + (c.span().line() > 0 ? " (" + c.span() + ")" : ""));
        } else if (e instanceof Expr.And a) {
            a.terms().forEach(t -> deadBranches(t, why));
        } else if (e instanceof Expr.Or o) {
            o.terms().forEach(t -> deadBranches(t, why));
        }
    }
}
