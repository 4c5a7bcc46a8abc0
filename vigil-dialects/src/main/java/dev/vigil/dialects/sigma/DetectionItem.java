package dev.vigil.dialects.sigma;

import dev.vigil.core.diag.SourceSpan;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code field|modifier|...: value(s)} entry of a detection map (or a keyword list, with no field),
 * while its modifiers are applied left to right. Values are OR-linked unless {@code all} was given.
 */
public final class DetectionItem {

    /** A value and where the author wrote it. */
    public record Entry(SigmaValue value, SourceSpan span) {
    }

    /** A transformation of one value; may throw to reject the rule. */
    @FunctionalInterface
    public interface ValueFunction {
        SigmaValue apply(SigmaValue value, SourceSpan span) throws SigmaRuleException;
    }

    private final String field;
    private final SourceSpan span;
    private final String quote;
    private List<Entry> values;
    private boolean all;
    private boolean cased;
    private boolean negated;

    public DetectionItem(String field, SourceSpan span, String quote, List<Entry> values) {
        this.field = field;
        this.span = span;
        this.quote = quote;
        this.values = List.copyOf(values);
    }

    /** The field, or null for a keyword search. */
    public String field() {
        return field;
    }

    public boolean isKeyword() {
        return field == null;
    }

    public SourceSpan span() {
        return span;
    }

    /** The author's key text, e.g. {@code CommandLine|contains|all}. */
    public String quote() {
        return quote;
    }

    public List<Entry> values() {
        return values;
    }

    public boolean all() {
        return all;
    }

    public void all(boolean v) {
        this.all = v;
    }

    public boolean cased() {
        return cased;
    }

    public void cased(boolean v) {
        this.cased = v;
    }

    public boolean negated() {
        return negated;
    }

    public void negated(boolean v) {
        this.negated = v;
    }

    /** Applies {@code f} to every value, and inside expansions to every alternative. */
    public void mapValues(ValueFunction f) throws SigmaRuleException {
        List<Entry> out = new ArrayList<>(values.size());
        for (Entry e : values) {
            out.add(new Entry(map(e.value(), e.span(), f), e.span()));
        }
        values = List.copyOf(out);
    }

    private static SigmaValue map(SigmaValue v, SourceSpan span, ValueFunction f) throws SigmaRuleException {
        if (v instanceof SigmaValue.Expansion x) {
            List<SigmaValue> alts = new ArrayList<>();
            for (SigmaValue a : x.alternatives()) {
                SigmaValue m = map(a, span, f);
                if (m instanceof SigmaValue.Expansion inner) {
                    alts.addAll(inner.alternatives());
                } else {
                    alts.add(m);
                }
            }
            return new SigmaValue.Expansion(alts);
        }
        return f.apply(v, span);
    }
}
