package dev.vigil.core.engine;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Origin;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The IR's fixed meanings, which every dialect maps onto. */
class ExprSemanticsTest {

    private final Compiler compiler = new Compiler();

    private boolean eval(Expr e, CanonicalEvent ev) {
        return compiler.compile(e).test(ev);
    }

    private static CanonicalEvent event(String field, Object value) {
        return new CanonicalEvent(new Origin("t", 1, 0)).put(field, value);
    }

    private static Expr.Match eq(String field, String v) {
        return new Expr.Match(field, StringOp.EQUALS, v, false, null);
    }

    @Test
    void predicateOnAbsentFieldIsFalse() {
        assertThat(eval(eq("User", "bob"), event("Image", "x"))).isFalse();
    }

    @Test
    void notOfAbsentIsTrueButPresentAndDifferentIsNot() {
        CanonicalEvent noUser = event("Image", "x");
        assertThat(eval(new Expr.Not(eq("User", "bob")), noUser)).isTrue();
        Expr neq = new Expr.And(List.of(new Expr.Exists("User", null), new Expr.Not(eq("User", "bob"))));
        assertThat(eval(neq, noUser)).isFalse();
        assertThat(eval(neq, event("User", "alice"))).isTrue();
    }

    @Test
    void caseInsensitiveUnlessAskedOtherwise() {
        CanonicalEvent ev = event("Image", "C:\\WINDOWS\\System32\\NET.EXE");
        assertThat(eval(eq("Image", "c:\\windows\\system32\\net.exe"), ev)).isTrue();
        assertThat(eval(new Expr.Match("Image", StringOp.EQUALS, "c:\\windows\\system32\\net.exe", true, null), ev))
                .isFalse();
    }

    @Test
    void anyValueOfAMultiValuedFieldSatisfies() {
        CanonicalEvent ev = event("event.category", new String[] {"process", "start"});
        assertThat(eval(eq("event.category", "start"), ev)).isTrue();
        assertThat(eval(eq("event.category", "file"), ev)).isFalse();
    }

    @Test
    void regexIsAnUnanchoredSearch() {
        CanonicalEvent ev = event("CommandLine", "net share x /DELETE");
        assertThat(eval(new Expr.Match("CommandLine", StringOp.REGEX, "/del(ete)?\\b", false, null), ev)).isTrue();
        assertThat(eval(new Expr.Match("CommandLine", StringOp.REGEX, "/del(ete)?\\b", true, null), ev)).isFalse();
    }

    @Test
    void emptyAndIsTrueAndEmptyOrIsFalse() {
        CanonicalEvent ev = event("x", "y");
        assertThat(eval(new Expr.And(List.of()), ev)).isTrue();
        assertThat(eval(new Expr.Or(List.of()), ev)).isFalse();
    }

    @Test
    void foldedConstantsKeepTheirReason() {
        Expr e = new Expr.Or(List.of(new Expr.Const(false, "field 'comman_line' does not exist", null),
                eq("CommandLine", "x")));
        assertThat(compiler.optimise(e).toString()).isEqualTo("(match CommandLine equals i \"x\")");
        assertThat(e.toString()).contains("(false \"field 'comman_line' does not exist\")");
    }
}
