package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.AttackRef;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden IR: each {@code golden/<case>.yml} compiles to the canonical s-expression in {@code <case>.ir} (with its
 * scope, ATT&amp;CK mapping and diagnostics). Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenIrTest {

    private static final Path DIR = Path.of("src/test/resources/dev/vigil/dialects/sigma/golden");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void compilesToTheGoldenIr(String name) throws IOException {
        String text = Files.readString(DIR.resolve(name + ".yml"), StandardCharsets.UTF_8);
        Diagnostics diags = new Diagnostics();
        StringBuilder out = new StringBuilder();
        for (Analytic a : new SigmaLoader().load(name + ".yml", text, diags)) {
            out.append("id: ").append(a.id()).append('\n');
            for (AttackRef r : a.attack()) {
                out.append("attack: ").append(r.technique()).append(' ').append(r.tactic()).append('\n');
            }
            out.append("risk: ").append(a.risk().level()).append('\n');
            List<Query> qs = new SigmaDialect().compile(a.implementations().get(0), diags);
            for (Query q : qs) {
                out.append("scope: ").append(q.scope()).append('\n');
                out.append(q.filter()).append('\n');
            }
        }
        for (Diagnostic d : diags.all()) {
            out.append(d.render()).append('\n');
        }
        Path golden = DIR.resolve(name + ".ir");
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.writeString(golden, out.toString(), StandardCharsets.UTF_8);
        }
        assertThat(out.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
