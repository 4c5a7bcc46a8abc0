package dev.vigil.core.engine.pass;

import dev.vigil.core.ir.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates constants away: a false term kills an AND, a true term an OR, and neutral terms go. Dead
 * branches (for instance a predicate on a field the dialect does not have) disappear from the plan.
 */
public final class FoldConstants implements Pass {

    @Override
    public Expr apply(Expr e) {
        if (e instanceof Expr.And a) {
            List<Expr> out = new ArrayList<>();
            for (Expr t : a.terms()) {
                Expr f = apply(t);
                if (f instanceof Expr.Const c) {
                    if (!c.value()) {
                        return c;
                    }
                } else {
                    out.add(f);
                }
            }
            return out.isEmpty() ? Expr.Const.TRUE : out.size() == 1 ? out.get(0) : new Expr.And(out);
        }
        if (e instanceof Expr.Or o) {
            List<Expr> out = new ArrayList<>();
            for (Expr t : o.terms()) {
                Expr f = apply(t);
                if (f instanceof Expr.Const c) {
                    if (c.value()) {
                        return c;
                    }
                } else {
                    out.add(f);
                }
            }
            return out.isEmpty() ? Expr.Const.FALSE : out.size() == 1 ? out.get(0) : new Expr.Or(out);
        }
        if (e instanceof Expr.Not n) {
            Expr inner = apply(n.term());
            return inner instanceof Expr.Const c ? new Expr.Const(!c.value(), c.why(), c.span()) : new Expr.Not(inner);
        }
        return e;
    }
}
