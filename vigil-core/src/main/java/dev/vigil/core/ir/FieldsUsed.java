package dev.vigil.core.ir;

import java.util.Set;
import java.util.TreeSet;

/** The field names an expression reads: what an opt-in derivation or a source check needs to know. */
public final class FieldsUsed {

    private FieldsUsed() {
    }

    public static Set<String> of(Expr e) {
        Set<String> out = new TreeSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.And a) {
            a.terms().forEach(t -> collect(t, out));
        } else if (e instanceof Expr.Or o) {
            o.terms().forEach(t -> collect(t, out));
        } else if (e instanceof Expr.Not n) {
            collect(n.term(), out);
        } else if (e instanceof Expr.Match m) {
            out.add(m.field());
        } else if (e instanceof Expr.Exists x) {
            out.add(x.field());
        } else if (e instanceof Expr.Compare c) {
            out.add(c.field());
        } else if (e instanceof Expr.Cidr c) {
            out.add(c.field());
        } else if (e instanceof Expr.FieldCompare f) {
            out.add(f.field());
            out.add(f.other());
        }
    }
}
