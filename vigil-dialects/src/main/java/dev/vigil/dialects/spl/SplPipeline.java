package dev.vigil.dialects.spl;

import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.diag.Suggestions;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.stage.Row;
import dev.vigil.core.stage.Stage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the commands of one search build up: the event filter, the data model it reads (if any), the row
 * stages after it, and which column names exist at each point, so later commands resolve names right.
 * Until the first stage, conditions fold into the event filter (a search that only filters reports
 * events); after an aggregation only the columns it produced exist.
 */
final class SplPipeline {

    final SplContext ctx;
    final List<Expr> filters = new ArrayList<>();
    final List<Stage> stages = new ArrayList<>();
    /** Columns that earlier stages produced (eval targets, rename targets, aggregate outputs). */
    final Set<String> defined = new LinkedHashSet<>();
    /** True after an aggregation: nothing but {@link #defined} exists any more. */
    boolean aggregated;
    SplTables.DataModel dataModel;
    private final Set<String> reported = new HashSet<>();

    SplPipeline(SplContext ctx) {
        this.ctx = ctx;
    }

    boolean eventLevel() {
        return stages.isEmpty();
    }

    void addStage(Stage s) {
        stages.add(s);
    }

    /** Field names as the current position of the pipeline sees them. */
    FieldScope scope() {
        return (name, offset) -> {
            if (defined.contains(name)) {
                return FieldScope.Resolved.field(name);
            }
            if (aggregated) {
                return unknownColumn(name, offset);
            }
            if (SplTables.isBindingKind(name) && eventLevel()) {
                return new FieldScope.Resolved(null, null, name, null);
            }
            if (name.equals(Row.TIME)) {
                return FieldScope.Resolved.field(Row.TIME);
            }
            if (dataModel != null) {
                return dataModelField(name, offset);
            }
            return FieldScope.Resolved.field(SplTables.INSTANCE.eventField(name));
        };
    }

    private FieldScope.Resolved unknownColumn(String name, int offset) {
        String why = "column '" + name + "' does not exist after the aggregation";
        if (reported.add(name)) {
            String hint = Suggestions.closest(name, defined).map(s -> "did you mean '" + s + "'? ").orElse("")
                    + "columns here: " + String.join(", ", defined);
            ctx.warning("spl/unknown-field", offset, "unknown field '" + name + "': " + why
                    + "; it is evaluated as absent", hint);
        }
        return FieldScope.Resolved.unknown(why);
    }

    /** {@code Processes.process_name} and friends, checked against the data model's field list. */
    FieldScope.Resolved dataModelField(String name, int offset) {
        SplTables.DataModel dm = dataModel;
        String prefix = dm.prefix() + ".";
        if (name.startsWith(prefix) && dm.fields().containsKey(name.substring(prefix.length()))) {
            String target = dm.fields().get(name.substring(prefix.length()));
            if (target.equals("-")) {
                return FieldScope.Resolved.field(name); // a real CIM field no Windows source supplies: absent
            }
            if (target.startsWith("basename(") && target.endsWith(")")) {
                String of = target.substring("basename(".length(), target.length() - 1);
                return new FieldScope.Resolved(name, of, null, null);
            }
            return FieldScope.Resolved.field(target);
        }
        String why = "field '" + name + "' does not exist in data model " + dm.name();
        if (reported.add(name)) {
            List<String> known = dm.fields().keySet().stream().map(f -> prefix + f).toList();
            String hint = Suggestions.closest(name, known).map(s -> "did you mean '" + s + "'? ").orElse("")
                    + "Splunk finds no value for it, so every test on it is false";
            ctx.warning("spl/unknown-field", offset, "unknown field '" + name + "' (" + dm.name()
                    + " fields are " + prefix + "*); it is evaluated as absent", hint);
        }
        return FieldScope.Resolved.unknown(why);
    }

    /** The events the search reads: the data model's, else what its index/source terms bind, else any. */
    EventScope eventScope() {
        if (dataModel != null) {
            return dataModel.scope();
        }
        List<EventClass> classes = new ArrayList<>();
        boolean any = ctx.bindings.isEmpty();
        for (EventScope s : ctx.bindings) {
            if (s.equals(EventScope.ANY)) {
                continue;
            }
            classes.addAll(s.selectors());
        }
        if (classes.isEmpty() || any) {
            return EventScope.ANY;
        }
        return new EventScope(List.copyOf(new LinkedHashSet<>(classes)));
    }

    Expr filter() {
        return filters.isEmpty() ? Expr.Const.TRUE : Expr.and(filters);
    }
}
