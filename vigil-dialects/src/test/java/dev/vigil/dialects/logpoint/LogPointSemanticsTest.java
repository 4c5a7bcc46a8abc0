package dev.vigil.dialects.logpoint;

import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** LogPoint precedence, escaping, negation and field dialects (semantics.md §D), one behaviour each. */
class LogPointSemanticsTest {

    static Diagnostics last;

    static Query compile(String q) {
        last = new Diagnostics();
        List<Query> out = new LogPointDialect().compile(new Implementation("t", "logpoint", "", "", q,
                new QuerySource("t.lp", 1, 1, 0)), last);
        return out.isEmpty() ? null : out.get(0);
    }

    static String ir(String q) {
        return compile(q).filter().toString();
    }

    @Test
    void orBindsTighterThanImplicitAnd() {
        assertThat(ir("a=1 b=2 OR c=3")).isEqualTo(ir("a=1 (b=2 OR c=3)"));
    }

    @Test
    void backslashIsLiteral() {
        assertThat(ir("image=\"*\\cmd.exe\"")).contains("*\\\\\\\\cmd.exe");
    }

    @Test
    void questionMarkIsAWildcard() {
        assertThat(ir("command=\"a?b\"")).contains("glob").contains("a?b");
    }

    @Test
    void minusNegatesWithoutRequiringTheField() {
        assertThat(ir("-parent_image=\"x\"")).startsWith("(not ");
        assertThat(ir("parent_image!=\"x\"")).startsWith("(and (exists ParentImage)");
    }

    @Test
    void bothFieldDialectsReachImage() {
        assertThat(ir("image=x")).isEqualTo(ir("process=x"));
        assertThat(ir("parent_image=x")).isEqualTo(ir("parent_process=x"));
    }

    @Test
    void normIdBindsSysmon() {
        assertThat(compile("norm_id=WindowsSysmon event_id=1").scope().toString()).isEqualTo("windows/*/sysmon");
    }

    @Test
    void inListWithBrackets() {
        assertThat(ir("event_id IN [12, 13, 14]")).startsWith("(or ");
    }

    @Test
    void chartThenSearchMakesRows() {
        Query q = compile("norm_id=WindowsSysmon event_id=1 | chart distinct_count(hash) as cnt by image | search cnt > 1");
        assertThat(q.stages()).hasSize(2);
    }

    @Test
    void doubledBackslashIsLinted() {
        compile("image=\"C:\\\\Windows\\\\*\\\\wmic.exe\"");
        assertThat(last.all()).extracting(Diagnostic::code).contains("logpoint/doubled-backslash");
    }

    @Test
    void fuzzedInputOnlyEverYieldsDiagnostics() {
        Random r = new Random(7L);
        String[] pieces = {"a", "=", "\"", "'", "\\", "(", ")", "|", " ", "OR", "or", "-", "*", "?", "IN", "in", "[",
            "]", ",", "chart", "count()", "by", "search", "norm_id=WindowsSysmon", "!=", ">", "/*", "*/", "fields"};
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(30);
            for (int k = 0; k < n; k++) {
                sb.append(r.nextInt(5) == 0 ? String.valueOf((char) (32 + r.nextInt(95))) : pieces[r.nextInt(pieces.length)]);
            }
            compile(sb.toString());
        }
    }
}
