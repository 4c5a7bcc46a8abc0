package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.diag.Diagnostics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and mutated YAML into the loader and the dialect (fixed seed, bounded): only diagnostics come out,
 * never an exception, and never Vigil's own {@code sigma/internal-error}.
 */
class SigmaFuzzTest {

    private static final String SEED = "title: t\nid: 00000000-0000-0000-0000-000000000001\nstatus: test\n"
            + "logsource:\n    product: windows\n    category: process_creation\ndetection:\n"
            + "    selection_img:\n        - Image|endswith: ['\\net.exe', '\\net1.exe']\n        - OriginalFileName: 'net.exe'\n"
            + "    selection_cli:\n        CommandLine|contains|all: ['share', '/delete']\n"
            + "    sel_b64:\n        CommandLine|base64offset|contains: 'delete'\n"
            + "    sel_re:\n        CommandLine|re|i: '\\s-O\\s'\n"
            + "    sel_win:\n        CommandLine|windash|contains: ' -d '\n"
            + "    keywords:\n        - 'mimikatz'\n"
            + "    filter:\n        ParentImage: null\n        User|expand: '%Admins%'\n"
            + "    condition: all of selection_* and not 1 of filter* or (sel_b64 and not sel_re) or keywords\n"
            + "level: high\ntags:\n    - attack.t1070.005\n";

    private static final String[] TOKENS = {":", " ", "\n", "    ", "-", "|", "'", "\"", "[", "]", "{", "}", "*", "?",
        "\\", "%", "#", "&a", "*a", "!!str ", "contains", "all", "re", "windash", "base64offset", "cidr", "exists",
        "gt", "fieldref", "expand", "condition", "detection", "logsource", "and", "or", "not", "1 of", "all of",
        "them", "(", ")", "null", "~", "yes", "0x17", "010", "---\n", "correlation", "filter", "\t", "\u2013", "é"};

    @Test
    void mutatedRulesGiveOnlyDiagnostics() {
        Random r = new Random(4242);
        for (int i = 0; i < 3000; i++) {
            run(mutate(SEED, r));
        }
    }

    @Test
    void randomTokenSoupGivesOnlyDiagnostics() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder("title: x\nlogsource:\n    product: windows\ndetection:\n");
            int n = r.nextInt(40);
            for (int k = 0; k < n; k++) {
                sb.append(TOKENS[r.nextInt(TOKENS.length)]);
            }
            run(sb.toString());
        }
    }

    @Test
    void mutatedConditionsFiltersAndPlaceholderFilesGiveOnlyDiagnostics() {
        Random r = new Random(99);
        String filter = "title: f\nlogsource:\n    product: windows\nfilter:\n    rules: [any]\n"
                + "    selection:\n        User|startswith: 'adm_'\n    condition: selection\n";
        for (int i = 0; i < 2000; i++) {
            try {
                ConditionParser.parse(mutate("all of sel_* and not (1 of filter_* or kw) or them", r));
            } catch (ConditionParser.Error e) {
                assertThat(e.code()).startsWith("sigma/");
            }
            Diagnostics d = new Diagnostics();
            List<SigmaFilter> filters = SigmaFilter.parse("f.yml", mutate(filter, r), d);
            SigmaPlaceholders.parse("p.yml", mutate("Admins: ['adm_*', root]\nServers: 'srv?'\n", r), d);
            Diagnostics rd = new Diagnostics();
            for (Analytic a : new SigmaLoader().load("r.yml", SEED, rd)) {
                new SigmaDialect(java.util.Map.of("Admins", List.of("a")), filters).compile(a.implementations().get(0), rd);
            }
            assertThat(rd.all()).noneMatch(x -> x.code().equals("sigma/internal-error"));
        }
    }

    private static String mutate(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                case 2 -> sb.setCharAt(at, (char) (32 + r.nextInt(95)));
                default -> {
                    int len = Math.min(sb.length() - at, r.nextInt(20));
                    sb.delete(at, at + len);
                }
            }
        }
        return sb.toString();
    }

    private static void run(String text) {
        Diagnostics d = new Diagnostics();
        List<Analytic> analytics = new SigmaLoader().load("fuzz.yml", text, d);
        SigmaDialect dialect = new SigmaDialect();
        for (Analytic a : analytics) {
            dialect.compile(a.implementations().get(0), d);
        }
        assertThat(d.all()).as("input:%n%s", text).noneMatch(x -> x.code().equals("sigma/internal-error"));
    }
}
