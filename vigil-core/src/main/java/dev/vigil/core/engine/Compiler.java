package dev.vigil.core.engine;

import dev.vigil.core.engine.match.CidrTest;
import dev.vigil.core.engine.match.CompareTest;
import dev.vigil.core.engine.match.ExistsTest;
import dev.vigil.core.engine.match.FieldCompareTest;
import dev.vigil.core.engine.match.Junction;
import dev.vigil.core.engine.match.RegexTest;
import dev.vigil.core.engine.match.StringTest;
import dev.vigil.core.engine.pass.Pass;
import dev.vigil.core.event.Field;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns an {@link Expr} into a {@link Matcher}: runs the IR passes, then builds one matcher node per IR
 * node from a registry keyed by node type.
 */
public final class Compiler {

    private final List<Pass> passes;
    private final Map<Class<? extends Expr>, BiFunction<Compiler, Expr, Matcher>> builders = new LinkedHashMap<>();

    public Compiler() {
        this(Pass.standard());
    }

    public Compiler(List<Pass> passes) {
        this.passes = List.copyOf(passes);
        builders.put(Expr.And.class, (c, e) -> new Junction.AllOf(c.children(((Expr.And) e).terms())));
        builders.put(Expr.Or.class, (c, e) -> new Junction.AnyOf(c.children(((Expr.Or) e).terms())));
        builders.put(Expr.Not.class, (c, e) -> new Junction.Negation(c.build(((Expr.Not) e).term())));
        builders.put(Expr.Const.class, (c, e) -> ((Expr.Const) e).value() ? Junction.Constant.TRUE
                : Junction.Constant.FALSE);
        builders.put(Expr.Match.class, (c, e) -> {
            Expr.Match m = (Expr.Match) e;
            return m.op() == StringOp.REGEX ? RegexTest.of(m) : StringTest.of(m);
        });
        builders.put(Expr.Exists.class, (c, e) -> new ExistsTest(Field.of(((Expr.Exists) e).field())));
        builders.put(Expr.Compare.class, (c, e) -> {
            Expr.Compare x = (Expr.Compare) e;
            return new CompareTest(Field.of(x.field()), x.op(), x.value());
        });
        builders.put(Expr.Cidr.class, (c, e) -> {
            Expr.Cidr x = (Expr.Cidr) e;
            return new CidrTest(Field.of(x.field()), IpNetwork.parse(x.cidr()));
        });
        builders.put(Expr.FieldCompare.class, (c, e) -> new FieldCompareTest((Expr.FieldCompare) e));
    }

    /** The IR after every pass: what {@link #compile} builds matchers from. */
    public Expr optimise(Expr e) {
        Expr out = e;
        for (Pass p : passes) {
            out = p.apply(out);
        }
        return out;
    }

    public Matcher compile(Expr e) {
        return build(optimise(e));
    }

    /** Builds matchers from an expression that has already been through {@link #optimise}. */
    public Matcher build(Expr e) {
        return builders.get(e.getClass()).apply(this, e);
    }

    private List<Matcher> children(List<Expr> terms) {
        List<Matcher> out = new ArrayList<>(terms.size());
        for (Expr t : terms) {
            out.add(build(t));
        }
        return out;
    }
}
