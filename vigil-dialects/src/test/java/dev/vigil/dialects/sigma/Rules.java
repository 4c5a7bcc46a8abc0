package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.engine.Compiler;
import dev.vigil.core.engine.ReferenceInterpreter;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.event.Origin;
import dev.vigil.core.ir.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test fixture: compiles small Sigma rules from text and evaluates them on hand-made events. */
final class Rules {

    final Diagnostics diags = new Diagnostics();
    private final SigmaDialect dialect;

    Rules() {
        this(new SigmaDialect());
    }

    Rules(SigmaDialect dialect) {
        this.dialect = dialect;
    }

    /** A process_creation rule around a detection block (indented by the caller with 4 spaces). */
    static String rule(String detection) {
        return "title: t\nid: 00000000-0000-0000-0000-000000000001\nlogsource:\n    product: windows\n"
                + "    category: process_creation\ndetection:\n" + detection;
    }

    List<Query> compile(String text) {
        List<Query> out = new ArrayList<>();
        for (Analytic a : new SigmaLoader().load("rule.yml", text, diags)) {
            out.addAll(dialect.compile(a.implementations().get(0), diags));
        }
        return out;
    }

    Expr expr(String text) {
        List<Query> q = compile(text);
        if (q.isEmpty()) {
            throw new AssertionError("rule did not compile: " + diags.all());
        }
        return q.get(0).filter();
    }

    /** The rule's verdict on an event, checked to agree between the compiled matcher and the reference interpreter. */
    boolean matches(String text, Map<String, ?> fields) {
        Expr e = expr(text);
        CanonicalEvent ev = event(fields);
        boolean compiled = new Compiler().compile(e).test(ev);
        boolean reference = ReferenceInterpreter.eval(e, ev);
        if (compiled != reference) {
            throw new AssertionError("compiled and reference disagree on " + e + " for " + ev);
        }
        return compiled;
    }

    static CanonicalEvent event(Map<String, ?> fields) {
        CanonicalEvent ev = new CanonicalEvent(new Origin("test", 1, 0));
        fields.forEach(ev::put);
        return ev.eventClass(new EventClass("windows", "process_creation", "sysmon"));
    }

    List<String> codes() {
        return diags.all().stream().map(Diagnostic::code).toList();
    }

    Diagnostic first(String code) {
        return diags.all().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + diags.all()));
    }
}
