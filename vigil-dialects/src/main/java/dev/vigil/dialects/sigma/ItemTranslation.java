package dev.vigil.dialects.sigma;

import dev.vigil.core.diag.SourceSpan;
import dev.vigil.core.event.Field;
import dev.vigil.core.ir.CompareOp;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a detection item, after its modifiers, into IR:
 * <ul>
 *   <li>a string is a whole-value, case-insensitive match (unless {@code cased}); its wildcards decide the
 *       operator ({@code *x*} contains, {@code x*} startswith, {@code *x} endswith, others glob);</li>
 *   <li>a number matches its text; a number written in another form ({@code 0x17}, {@code 010}) also
 *       matches any event value that reads as the same number;</li>
 *   <li>{@code null} (or an empty list) means the field is absent;</li>
 *   <li>a keyword (no field) is a case-insensitive substring search of every field value of the event
 *       (the "full log message" of the specification is, for a structured event, all its values);</li>
 *   <li>values are OR-linked, AND-linked under {@code all}; {@code neq} negates the whole item.</li>
 * </ul>
 */
final class ItemTranslation {

    private ItemTranslation() {
    }

    static Expr translate(DetectionItem item) throws SigmaRuleException {
        String field = item.isKeyword() ? Field.ANY_NAME : item.field();
        List<Expr> terms = new ArrayList<>();
        for (DetectionItem.Entry e : item.values()) {
            terms.add(value(item, field, e.value(), e.span()));
        }
        Expr out;
        if (terms.isEmpty()) {
            out = item.isKeyword() ? Expr.Const.FALSE : new Expr.Not(new Expr.Exists(field, item.span()));
        } else if (terms.size() == 1) {
            out = terms.get(0);
        } else {
            out = item.all() ? new Expr.And(terms) : new Expr.Or(terms);
        }
        return item.negated() ? new Expr.Not(out) : out;
    }

    private static Expr value(DetectionItem item, String field, SigmaValue v, SourceSpan span) throws SigmaRuleException {
        boolean cased = item.cased();
        if (v instanceof SigmaString s) {
            if (item.isKeyword() && !s.startsWithMulti()) {
                s = s.prepend(SigmaString.Wildcard.MULTI);
            }
            if (item.isKeyword() && !s.endsWithMulti()) {
                s = s.append(SigmaString.Wildcard.MULTI);
            }
            return string(field, s, cased, span);
        }
        if (v instanceof SigmaValue.Number n) {
            Expr text = item.isKeyword() ? new Expr.Match(field, StringOp.CONTAINS, n.text(), cased, span)
                    : new Expr.Match(field, StringOp.EQUALS, n.text(), cased, span);
            if (n.canonical() || item.isKeyword()) {
                return text;
            }
            return new Expr.Or(List.of(text, new Expr.Compare(field, CompareOp.EQ, n.value(), span)));
        }
        if (v instanceof SigmaValue.Bool b) {
            StringOp op = item.isKeyword() ? StringOp.CONTAINS : StringOp.EQUALS;
            Expr text = new Expr.Match(field, op, b.text(), cased, span);
            String canonical = Boolean.toString(b.value());
            return b.text().equalsIgnoreCase(canonical) ? text
                    : new Expr.Or(List.of(text, new Expr.Match(field, op, canonical, cased, span)));
        }
        if (v instanceof SigmaValue.Null) {
            if (item.isKeyword()) {
                throw SigmaRuleException.of("sigma/bad-value", span, "a keyword cannot be null", item.quote(),
                        "remove the empty keyword entry");
            }
            return new Expr.Not(new Expr.Exists(field, span));
        }
        if (v instanceof SigmaValue.Regex r) {
            return RegexCheck.match(field, r, span, item.quote());
        }
        if (v instanceof SigmaValue.Cidr c) {
            return new Expr.Cidr(field, c.network(), span);
        }
        if (v instanceof SigmaValue.Comparison c) {
            return new Expr.Compare(field, c.op(), c.value(), span);
        }
        if (v instanceof SigmaValue.FieldRef f) {
            return new Expr.FieldCompare(field, f.op(), f.field(), cased, span);
        }
        if (v instanceof SigmaValue.Existence x) {
            Expr exists = new Expr.Exists(field, span);
            return x.present() ? exists : new Expr.Not(exists);
        }
        if (v instanceof SigmaValue.Expansion x) {
            List<Expr> alts = new ArrayList<>();
            for (SigmaValue a : x.alternatives()) {
                alts.add(value(item, field, a, span));
            }
            return alts.isEmpty() ? Expr.Const.FALSE : Expr.or(alts);
        }
        SigmaValue.TimePart t = (SigmaValue.TimePart) v;
        return new Expr.Match(field, StringOp.REGEX, timePartPattern(t), true, span);
    }

    /** The IR for a Sigma string: the cheapest operator that says exactly what its wildcards say. */
    static Expr string(String field, SigmaString s, boolean cased, SourceSpan span) {
        List<Object> p = s.parts();
        if (!s.hasWildcards()) {
            return new Expr.Match(field, StringOp.EQUALS, s.plain(), cased, span);
        }
        if (p.size() == 3 && p.get(0) == SigmaString.Wildcard.MULTI && p.get(2) == SigmaString.Wildcard.MULTI
                && p.get(1) instanceof String lit) {
            return new Expr.Match(field, StringOp.CONTAINS, lit, cased, span);
        }
        if (p.size() == 2 && p.get(1) == SigmaString.Wildcard.MULTI && p.get(0) instanceof String lit) {
            return new Expr.Match(field, StringOp.STARTS_WITH, lit, cased, span);
        }
        if (p.size() == 2 && p.get(0) == SigmaString.Wildcard.MULTI && p.get(1) instanceof String lit) {
            return new Expr.Match(field, StringOp.ENDS_WITH, lit, cased, span);
        }
        return new Expr.Match(field, StringOp.GLOB, s.glob(), cased, span);
    }

    private static String timePartPattern(SigmaValue.TimePart t) {
        String n2 = String.format("%02d", t.value());
        String date = "^\\d{4}-\\d{2}-\\d{2}";
        switch (t.part()) {
            case "year":
                return "^0*" + t.value() + "-\\d{2}-\\d{2}";
            case "month":
                return "^\\d{4}-" + n2 + "-";
            case "day":
                return "^\\d{4}-\\d{2}-" + n2 + "(?:[T ]|$)";
            case "hour":
                return date + "[T ]" + n2 + ":";
            default:
                return date + "[T ]\\d{2}:" + n2 + "(?::|$|[^0-9])";
        }
    }
}
