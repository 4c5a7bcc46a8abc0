package dev.vigil.dialects.spl;

import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Precedence, escaping, negation and macro rules of SPL, one behaviour each (semantics.md §C, §H). */
class SplSemanticsTest {

    static Diagnostics last;

    static Query compile(String spl) {
        last = new Diagnostics();
        List<Query> q = new SplDialect().compile(new Implementation("t", "spl", "", "", spl,
                new QuerySource("t.spl", 1, 1, 0)), last);
        return q.isEmpty() ? null : q.get(0);
    }

    static String ir(String spl) {
        return compile(spl).filter().toString();
    }

    @Test
    void orBindsTighterThanImpliedAnd() {
        assertThat(ir("a=1 b=2 OR c=3")).isEqualTo(ir("a=1 (b=2 OR c=3)"));
    }

    @Test
    void notAppliesToTheNextTermOnly() {
        assertThat(ir("NOT a=1 OR b=2")).isEqualTo(ir("(NOT a=1) OR b=2"));
    }

    @Test
    void lowercaseOrIsASearchTerm() {
        assertThat(ir("a=1 or b=2")).contains("_raw");
        assertThat(last.all()).extracting(Diagnostic::code).contains("spl/bare-keyword");
    }

    @Test
    void notEqualsRequiresTheFieldButNotDoesNot() {
        assertThat(ir("Image!=x")).startsWith("(and (exists Image)");
        assertThat(ir("NOT Image=x")).startsWith("(not ");
    }

    @Test
    void doubledBackslashIsOneAndStarStaysAWildcard() {
        assertThat(ir("Image=\"C:\\\\Windows\\\\*\\\\at.exe\"")).contains("C:\\\\\\\\Windows\\\\\\\\*\\\\\\\\at.exe");
    }

    @Test
    void escapedQuoteInsideAString() {
        assertThat(ir("CommandLine=\"say \\\"hi\\\"\"")).contains("say \\\"hi\\\"");
    }

    @Test
    void questionMarkIsLiteralInSpl() {
        assertThat(ir("CommandLine=\"a?b*\"")).contains("a\\\\?b*");
    }

    @Test
    void valueWithoutWildcardIsCaseInsensitiveEquality() {
        assertThat(ir("Image=x")).contains("equals").doesNotContain("case-sensitive");
    }

    @Test
    void whereIsCaseSensitiveAndAndBindsTighter() {
        Query q = compile("Image=* | where CommandLine=\"A\" OR CommandLine=\"B\" AND User=\"C\"");
        assertThat(q.filter().toString()).contains("(or (match CommandLine equals c \"A\") (and ");
    }

    @Test
    void indexPlaceholderBindsSysmonAndIsNotAFieldPredicate() {
        Query q = compile("index=__your_sysmon_index__ EventCode=1");
        assertThat(q.scope().toString()).isEqualTo("windows/*/sysmon");
        assertThat(q.filter().toString()).doesNotContain("(match index").contains("EventID");
    }

    @Test
    void eventCodeAloneIsNotSysmon() {
        assertThat(compile("EventCode=1").scope().toString()).isEqualTo("*/*/*");
    }

    @Test
    void inListIsAnOrOfEqualities() {
        assertThat(ir("a IN (x, \"y z\", w*)")).startsWith("(or ");
    }

    @Test
    void unknownMacroIsAnError() {
        assertThat(compile("`no_such_macro` | stats count")).isNull();
        assertThat(last.all()).extracting(Diagnostic::code).containsExactly("spl/unknown-macro");
    }

    @Test
    void recursiveMacroIsReportedNotExpandedForever() {
        MacroTable t = MacroTable.builtIn().with(List.of(new Macro("loop", List.of(), "`loop`", "test")));
        Diagnostics d = new Diagnostics();
        List<Query> q = new SplDialect(t).compile(new Implementation("t", "spl", "", "", "`loop`",
                new QuerySource("t.spl", 1, 1, 0)), d);
        assertThat(q).isEmpty();
        assertThat(d.all().get(0).message()).contains("expands into itself");
    }

    @Test
    void unsupportedCommandIsNamed() {
        assertThat(compile("a=1 | lookup foo bar")).isNull();
        assertThat(last.all().get(0).code()).isEqualTo("spl/unsupported-command");
        assertThat(last.all().get(0).message()).contains("'lookup'");
    }

    @Test
    void tstatsProducesAnAggregateStage() {
        Query q = compile("| tstats count from datamodel=Endpoint.Processes where Processes.process_name=net.exe "
                + "by Processes.dest | `drop_dm_object_name(Processes)`");
        assertThat(q.stages()).hasSize(2);
        assertThat(q.filter().toString()).contains("ImageName");
    }

    @Test
    void fuzzedInputOnlyEverYieldsDiagnostics() {
        Random r = new Random(20201130L);
        String[] pieces = {"a", "=", "\"", "\\", "(", ")", "|", "`", " ", "OR", "AND", "NOT", "*", "IN", ",", "[", "]",
            "tstats", "stats", "by", "where", "eval", "x=", "!=", "<", "'", "rename", "AS", "`sysmon`",
            "datamodel=Endpoint.Processes", "count", "values(", "search", "like(", "match(", "1", "-"};
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
