package dev.vigil.core.engine.pass;

import dev.vigil.core.ir.Expr;

/** An IR-to-IR rewrite that keeps every verdict. Pure; one named class per rewrite. */
public interface Pass {

    Expr apply(Expr expr);

    /** The passes the compiler runs, in order. */
    static java.util.List<Pass> standard() {
        return java.util.List.of(new Flatten(), new FoldConstants());
    }
}
