package dev.vigil.core.engine.pass;

import dev.vigil.core.ir.Expr;

import java.util.ArrayList;
import java.util.List;

/** Merges nested ANDs into their AND parent and ORs into their OR parent; removes double negation. */
public final class Flatten implements Pass {

    @Override
    public Expr apply(Expr e) {
        if (e instanceof Expr.And a) {
            List<Expr> out = new ArrayList<>();
            for (Expr t : a.terms()) {
                Expr f = apply(t);
                if (f instanceof Expr.And inner) {
                    out.addAll(inner.terms());
                } else {
                    out.add(f);
                }
            }
            return out.size() == 1 ? out.get(0) : new Expr.And(out);
        }
        if (e instanceof Expr.Or o) {
            List<Expr> out = new ArrayList<>();
            for (Expr t : o.terms()) {
                Expr f = apply(t);
                if (f instanceof Expr.Or inner) {
                    out.addAll(inner.terms());
                } else {
                    out.add(f);
                }
            }
            return out.size() == 1 ? out.get(0) : new Expr.Or(out);
        }
        if (e instanceof Expr.Not n) {
            Expr inner = apply(n.term());
            return inner instanceof Expr.Not nn ? nn.term() : new Expr.Not(inner);
        }
        return e;
    }
}
