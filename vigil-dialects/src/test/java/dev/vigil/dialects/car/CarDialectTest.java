package dev.vigil.dialects.car;

import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.engine.Compiler;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Origin;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CAR pseudocode semantics, one behaviour each. */
class CarDialectTest {

    private final Diagnostics diagnostics = new Diagnostics();

    private List<Query> compile(String code) {
        return new CarDialect().compile(new Implementation("t", "car", "", "", code, new QuerySource("t.car", 1, 1, 0)),
                diagnostics);
    }

    private String ir(String where) {
        List<Query> q = compile("p = search Process:Create\nf = filter p where (" + where + ")\noutput f");
        assertThat(q).as("diagnostics: %s", diagnostics.all()).hasSize(1);
        return new Compiler().optimise(q.get(0).filter()).toString();
    }

    private boolean fires(String where, String... fieldValues) {
        List<Query> q = compile("p = search Process:Create\nf = filter p where (" + where + ")\noutput f");
        CanonicalEvent e = new CanonicalEvent(new Origin("t", 1, 0));
        for (int i = 0; i < fieldValues.length; i += 2) {
            e.put(fieldValues[i], fieldValues[i + 1]);
        }
        return new Compiler().compile(q.get(0).filter()).test(e);
    }

    private List<String> codes() {
        return diagnostics.all().stream().map(Diagnostic::code).toList();
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(ir("command_line=\"a\" OR command_line=\"b\" AND exe=\"c\"")).isEqualTo(
                "(or (match CommandLine equals i \"a\") (and (match CommandLine equals i \"b\") "
                        + "(match ImageName equals i \"c\")))");
    }

    @Test
    void notBindsTighterThanAnd() {
        assertThat(ir("NOT exe=\"a\" AND exe=\"b\"")).isEqualTo(
                "(and (not (match ImageName equals i \"a\")) (match ImageName equals i \"b\"))");
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(ir("exe=\"a\" or not exe=\"b\"")).isEqualTo(ir("exe=\"a\" OR NOT exe=\"b\""));
    }

    @Test
    void doubledBackslashIsOneAndOthersAreLiteral() {
        assertThat(ir("image_path=\"C:\\\\Windows\\\\System32\\\\net.exe\"")).isEqualTo(ir("image_path=\"C:\\Windows\\System32\\net.exe\""))
                .isEqualTo("(match Image equals i \"C:\\\\Windows\\\\System32\\\\net.exe\")");
    }

    @Test
    void trailingStarAfterBackslashIsStillAWildcard() {
        assertThat(fires("image_path=\"C:\\Windows\\Tasks\\*\"", "Image", "C:\\Windows\\Tasks\\evil.job")).isTrue();
        assertThat(fires("image_path=\"C:\\Windows\\Tasks\\*\"", "Image", "C:\\Windows\\Temp\\evil.job")).isFalse();
    }

    @Test
    void equalityIsWholeValueAndCaseInsensitive() {
        assertThat(fires("exe=\"net.exe\"", "ImageName", "NET.EXE")).isTrue();
        assertThat(fires("exe=\"net.exe\"", "ImageName", "net.exe.bak")).isFalse();
        assertThat(fires("command_line=\"*delete*\"", "CommandLine", "net share x /DELETE")).isTrue();
    }

    @Test
    void questionMarkIsLiteral() {
        assertThat(fires("command_line=\"a?c\"", "CommandLine", "abc")).isFalse();
        assertThat(fires("command_line=\"a?c\"", "CommandLine", "a?c")).isTrue();
    }

    @Test
    void notEqualsNeedsTheFieldPresent() {
        assertThat(fires("user!=\"SYSTEM\"", "Image", "x")).isFalse();
        assertThat(fires("user!=\"SYSTEM\"", "User", "alice")).isTrue();
        assertThat(fires("NOT user=\"SYSTEM\"", "Image", "x")).isTrue();
    }

    @Test
    void inListIsAnOrOfEqualities() {
        assertThat(fires("exe IN [\"net.exe\", \"net1.exe\"]", "ImageName", "net1.exe")).isTrue();
        assertThat(fires("exe not in [\"net.exe\", \"net1.exe\"]", "ImageName", "net1.exe")).isFalse();
        assertThat(fires("exe in (\"net.exe\")", "ImageName", "net.exe")).isTrue();
    }

    @Test
    void matchIsACaseSensitiveRegexSearch() {
        assertThat(fires("command_line match \"/del(ete)?\"", "CommandLine", "net share x /del")).isTrue();
        assertThat(fires("command_line match \"/del(ete)?\"", "CommandLine", "net share x /DEL")).isFalse();
    }

    @Test
    void badRegexIsAnErrorNamingIt() {
        assertThat(compile("p = search Process:Create\nf = filter p where command_line match \"(a\"\noutput f")).isEmpty();
        assertThat(codes()).contains("car/bad-regex");
    }

    @Test
    void numbersCompareNumerically() {
        assertThat(fires("pid > 100", "ProcessId", "4008")).isTrue();
        assertThat(fires("pid = 4008", "ProcessId", "4008")).isTrue();
    }

    @Test
    void cidrValuesInListsTestNetworks() {
        List<Query> q = compile("f = search Flow:Start\ng = filter f where dest_ip NOT IN [10.0.0.0/8, 192.168.0.0/16]\noutput g");
        assertThat(q.get(0).filter().toString()).contains("(cidr DestinationIp \"10.0.0.0/8\")");
    }

    @Test
    void unknownFieldIsAWarningAndNeverTrue() {
        assertThat(fires("comman_line=\"*x*\"", "CommandLine", "x")).isFalse();
        assertThat(codes()).contains("car/unknown-field");
    }

    @Test
    void dataModelFieldNoSourceProvidesIsAWarning() {
        assertThat(fires("sid=\"S-1-5-18\"", "User", "x")).isFalse();
        assertThat(codes()).contains("car/field-unavailable");
    }

    @Test
    void joinIsUnsupportedNotDropped() {
        List<Query> q = compile("a = search Process:Create\nb = search Flow:Start\nc = join (a, b) where (a.pid == b.pid)\noutput c");
        assertThat(q).isEmpty();
        Diagnostic d = diagnostics.all().stream().filter(x -> x.code().equals("car/unsupported-command")).findFirst()
                .orElseThrow();
        assertThat(d.message()).contains("'join'");
        assertThat(d.span().line()).isEqualTo(3);
    }

    @Test
    void unknownObjectIsUnsupported() {
        assertThat(compile("a = search Email:Receive\noutput a")).isEmpty();
        assertThat(codes()).contains("car/unsupported-object");
    }

    @Test
    void missingOutputRunsTheLastAssignmentWithAWarning() {
        List<Query> q = compile("p = search Process:Create\nf = filter p where exe=\"a.exe\"");
        assertThat(q).hasSize(1);
        assertThat(codes()).contains("car/no-output");
    }

    @Test
    void unterminatedStringIsReportedWhereItStarts() {
        assertThat(compile("p = search Process:Create\nf = filter p where exe=\"a.exe\noutput f")).isEmpty();
        Diagnostic d = diagnostics.all().get(0);
        assertThat(d.code()).isEqualTo("car/unterminated-string");
        assertThat(d.span().line()).isEqualTo(2);
        assertThat(d.span().column()).isEqualTo(24);
    }

    @Test
    void parenthesisedFilterMaySpanLines() {
        List<Query> q = compile("p = search Process:Create\nf = filter p where (\n  exe=\"a\" OR\n  exe=\"b\" )\noutput f");
        assertThat(q).hasSize(1);
        assertThat(diagnostics.all()).isEmpty();
    }
}
