package dev.vigil.dialects.sigma;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.vigil.dialects.sigma.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** Value and modifier semantics, one behaviour per test (semantics.md A.4-A.8). */
class ModifierSemanticsTest {

    private final Rules rules = new Rules();

    private boolean on(String detection, Map<String, ?> event) {
        return rules.matches(rule(detection), event);
    }

    @Test
    void plainValueIsWholeValueAndCaseInsensitive() {
        String d = "    sel:\n        Image: 'C:\\Windows\\System32\\net.exe'\n    condition: sel\n";
        assertThat(on(d, Map.of("Image", "c:\\windows\\system32\\NET.EXE"))).isTrue();
        assertThat(on(d, Map.of("Image", "C:\\Windows\\System32\\net.exe2"))).isFalse();
    }

    @Test
    void tasksTrapMatchesOnlyTheLiteralStar() {
        String d = "    sel:\n        TargetFilename: 'C:\\Windows\\Tasks\\*'\n    condition: sel\n";
        assertThat(on(d, Map.of("TargetFilename", "C:\\Windows\\Tasks\\evil.job"))).isFalse();
        assertThat(on(d, Map.of("TargetFilename", "C:\\Windows\\Tasks*"))).isTrue();
    }

    @Test
    void doubledBackslashBeforeStarKeepsTheWildcard() {
        String d = "    sel:\n        TargetFilename: 'C:\\Windows\\Tasks\\\\*'\n    condition: sel\n";
        assertThat(on(d, Map.of("TargetFilename", "C:\\Windows\\Tasks\\evil.job"))).isTrue();
    }

    @Test
    void questionMarkIsExactlyOneCharacter() {
        String d = "    sel:\n        Image: 'a?c'\n    condition: sel\n";
        assertThat(on(d, Map.of("Image", "abc"))).isTrue();
        assertThat(on(d, Map.of("Image", "ac"))).isFalse();
    }

    @Test
    void containsStartswithEndswith() {
        assertThat(on("    sel:\n        CommandLine|contains: 'DELETE'\n    condition: sel\n",
                Map.of("CommandLine", "net share x /delete"))).isTrue();
        assertThat(on("    sel:\n        CommandLine|startswith: 'net '\n    condition: sel\n",
                Map.of("CommandLine", "xnet share"))).isFalse();
        assertThat(on("    sel:\n        Image|endswith: '\\net.exe'\n    condition: sel\n",
                Map.of("Image", "C:\\Windows\\SysWOW64\\NET.exe"))).isTrue();
    }

    @Test
    void listOfValuesIsOr() {
        String d = "    sel:\n        Image|endswith:\n            - '\\net.exe'\n            - '\\net1.exe'\n    condition: sel\n";
        assertThat(on(d, Map.of("Image", "C:\\x\\net1.exe"))).isTrue();
    }

    @Test
    void containsAllNeedsEveryValue() {
        String d = "    sel:\n        CommandLine|contains|all:\n            - 'share'\n            - '/delete'\n    condition: sel\n";
        assertThat(on(d, Map.of("CommandLine", "net share x /delete"))).isTrue();
        assertThat(on(d, Map.of("CommandLine", "net share x /d"))).isFalse();
    }

    @Test
    void listOfMapsIsOr() {
        String d = "    sel:\n        - Image|endswith: '\\net.exe'\n        - OriginalFileName: 'net.exe'\n    condition: sel\n";
        assertThat(on(d, Map.of("OriginalFileName", "NET.EXE"))).isTrue();
        assertThat(on(d, Map.of("Image", "C:\\x\\cmd.exe"))).isFalse();
    }

    @Test
    void nullMeansTheFieldIsAbsent() {
        String d = "    sel:\n        ParentCommandLine: null\n    condition: sel\n";
        assertThat(on(d, Map.of("Image", "x"))).isTrue();
        assertThat(on(d, Map.of("ParentCommandLine", ""))).isFalse();
    }

    @Test
    void emptyStringMatchesOnlyAPresentEmptyValue() {
        String d = "    sel:\n        ParentCommandLine: ''\n    condition: sel\n";
        assertThat(on(d, Map.of("ParentCommandLine", ""))).isTrue();
        assertThat(on(d, Map.of("Image", "x"))).isFalse();
    }

    @Test
    void existsTrueAndFalse() {
        assertThat(on("    sel:\n        Hashes|exists: true\n    condition: sel\n", Map.of("Hashes", ""))).isTrue();
        assertThat(on("    sel:\n        Hashes|exists: false\n    condition: sel\n", Map.of("Hashes", "x"))).isFalse();
        assertThat(on("    sel:\n        Hashes|exists: false\n    condition: sel\n", Map.of("Image", "x"))).isTrue();
    }

    @Test
    void neqNegatesTheWholeItemSoAnAbsentFieldMatches() {
        String d = "    sel:\n        User|neq:\n            - 'SYSTEM'\n            - 'admin'\n    condition: sel\n";
        assertThat(on(d, Map.of("User", "bob"))).isTrue();
        assertThat(on(d, Map.of("User", "system"))).isFalse();
        assertThat(on(d, Map.of("Image", "x"))).isTrue();
    }

    @Test
    void casedIsCaseSensitive() {
        String d = "    sel:\n        CommandLine|cased|contains: 'Invoke'\n    condition: sel\n";
        assertThat(on(d, Map.of("CommandLine", "x Invoke y"))).isTrue();
        assertThat(on(d, Map.of("CommandLine", "x invoke y"))).isFalse();
    }

    @Test
    void windashExpandsOptionDashesToFiveCharacters() {
        String d = "    sel:\n        CommandLine|windash|contains: ' -delete'\n    condition: sel\n";
        for (String dash : new String[] {"-", "/", "\u2013", "\u2014", "\u2015"}) {
            assertThat(on(d, Map.of("CommandLine", "net share x " + dash + "delete"))).as(dash).isTrue();
        }
        assertThat(on(d, Map.of("CommandLine", "net share x +delete"))).isFalse();
    }

    @Test
    void windashLeavesDashesBetweenWordCharactersAlone() {
        String d = "    sel:\n        CommandLine|windash: 'x-y'\n    condition: sel\n";
        assertThat(on(d, Map.of("CommandLine", "x/y"))).isFalse();
        assertThat(on(d, Map.of("CommandLine", "x-y"))).isTrue();
    }

    @Test
    void windashGivesEveryCombinationOfTwoDashes() {
        String d = "    sel:\n        CommandLine|windash: 'a /d -y'\n    condition: sel\n";
        assertThat(on(d, Map.of("CommandLine", "a \u2014d /y"))).isTrue();
        assertThat(rules.expr(rule(d)).toString().split("\\(match").length - 1).isEqualTo(25);
    }

    @Test
    void base64offsetGivesThreeShiftedEncodings() {
        String d = "    sel:\n        CommandLine|base64offset|contains: 'delete'\n    condition: sel\n";
        assertThat(rules.expr(rule(d)).toString()).contains("\"ZGVsZXRl\"", "\"RlbGV0Z\"", "\"kZWxldG\"");
        assertThat(on(d, Map.of("CommandLine", "powershell -enc xxkZWxldGyy"))).isTrue();
    }

    @Test
    void base64EncodesUtf8AndWideEncodesUtf16le() {
        assertThat(rules.expr(rule("    sel:\n        CommandLine|base64: 'cmd'\n    condition: sel\n")).toString())
                .contains("\"Y21k\"");
        assertThat(rules.expr(rule("    sel:\n        CommandLine|wide|base64: 'cmd'\n    condition: sel\n")).toString())
                .contains("\"YwBtAGQA\"");
        assertThat(rules.expr(rule("    sel:\n        CommandLine|utf16le|base64: 'cmd'\n    condition: sel\n"))
                .toString()).contains("\"YwBtAGQA\"");
        assertThat(rules.expr(rule("    sel:\n        CommandLine|utf16be|base64: 'cmd'\n    condition: sel\n"))
                .toString()).contains("\"AGMAbQBk\"");
        assertThat(rules.expr(rule("    sel:\n        CommandLine|utf16|base64: 'cmd'\n    condition: sel\n"))
                .toString()).contains("\"//5jAG0AZAA=\"");
    }

    @Test
    void base64OfAWildcardIsRejected() {
        rules.compile(rule("    sel:\n        CommandLine|base64: 'cm*'\n    condition: sel\n"));
        assertThat(rules.codes()).contains("sigma/bad-modifier-value");
    }

    @Test
    void reIsAnUnanchoredCaseSensitiveSearchAndTakesTheValueVerbatim() {
        String d = "    sel:\n        CommandLine|re: '\\s-O\\s'\n    condition: sel\n";
        assertThat(on(d, Map.of("CommandLine", "curl -O http://x"))).isTrue();
        assertThat(on(d, Map.of("CommandLine", "curl -o http://x"))).isFalse();
    }

    @Test
    void reSubModifiers() {
        assertThat(on("    sel:\n        CommandLine|re|i: 'INVOKE'\n    condition: sel\n",
                Map.of("CommandLine", "x invoke"))).isTrue();
        assertThat(on("    sel:\n        CommandLine|re|m: '^b$'\n    condition: sel\n",
                Map.of("CommandLine", "a\nb\nc"))).isTrue();
        assertThat(on("    sel:\n        CommandLine|re|s: 'a.b'\n    condition: sel\n",
                Map.of("CommandLine", "a\nb"))).isTrue();
        assertThat(on("    sel:\n        CommandLine|re: 'a.b'\n    condition: sel\n",
                Map.of("CommandLine", "a\nb"))).isFalse();
    }

    @Test
    void numericComparisons() {
        assertThat(on("    sel:\n        DestinationPort|gt: 1024\n    condition: sel\n",
                Map.of("DestinationPort", "4444"))).isTrue();
        assertThat(on("    sel:\n        DestinationPort|lte: 1024\n    condition: sel\n",
                Map.of("DestinationPort", "4444"))).isFalse();
        assertThat(on("    sel:\n        DestinationPort|gte: 4444\n    condition: sel\n",
                Map.of("DestinationPort", "4444"))).isTrue();
        assertThat(on("    sel:\n        DestinationPort|lt: 10\n    condition: sel\n",
                Map.of("DestinationPort", "abc"))).isFalse();
    }

    @Test
    void cidrMatchesAddressesInTheNetwork() {
        String d = "    sel:\n        DestinationIp|cidr:\n            - '10.0.0.0/8'\n            - 'fe80::/10'\n    condition: sel\n";
        assertThat(on(d, Map.of("DestinationIp", "10.1.2.3"))).isTrue();
        assertThat(on(d, Map.of("DestinationIp", "fe80::1"))).isTrue();
        assertThat(on(d, Map.of("DestinationIp", "11.0.0.1"))).isFalse();
    }

    @Test
    void fieldrefComparesTwoFields() {
        String d = "    sel:\n        ParentImage|fieldref: Image\n    condition: sel\n";
        assertThat(on(d, Map.of("Image", "C:\\a.exe", "ParentImage", "c:\\A.EXE"))).isTrue();
        assertThat(on(d, Map.of("Image", "C:\\a.exe", "ParentImage", "C:\\b.exe"))).isFalse();
        String c = "    sel:\n        CommandLine|fieldref|contains: Image\n    condition: sel\n";
        assertThat(on(c, Map.of("Image", "a.exe", "CommandLine", "run a.exe now"))).isTrue();
    }

    @Test
    void typedNumbersMatchTheirTextAndTheirValue() {
        String d = "    sel:\n        Status: 0x17\n    condition: sel\n";
        assertThat(on(d, Map.of("Status", "0x17"))).isTrue();
        assertThat(on(d, Map.of("Status", "23"))).isTrue();
        assertThat(on("    sel:\n        EventID: 4688\n    condition: sel\n", Map.of("EventID", "4688"))).isTrue();
        assertThat(on("    sel:\n        Flags: 010\n    condition: sel\n", Map.of("Flags", "010"))).isTrue();
    }

    @Test
    void yamlBooleansKeepTheirText() {
        String d = "    sel:\n        Signed: yes\n    condition: sel\n";
        assertThat(on(d, Map.of("Signed", "yes"))).isTrue();
        assertThat(on(d, Map.of("Signed", "true"))).isTrue();
    }

    @Test
    void dateParts() {
        String d = "    sel:\n        UtcTime|hour: 3\n    condition: sel\n";
        assertThat(on(d, Map.of("UtcTime", "2024-05-01 03:45:00.123"))).isTrue();
        assertThat(on(d, Map.of("UtcTime", "2024-05-01 13:45:00.123"))).isFalse();
        assertThat(on("    sel:\n        UtcTime|month: 5\n    condition: sel\n",
                Map.of("UtcTime", "2024-05-01T13:45:00Z"))).isTrue();
    }

    @Test
    void keywordsSearchEveryFieldValueAsSubstrings() {
        String d = "    keywords:\n        - 'mimikatz'\n        - 'sekurlsa'\n    condition: keywords\n";
        assertThat(on(d, Map.of("Image", "C:\\x.exe", "CommandLine", "run Mimikatz.exe"))).isTrue();
        assertThat(on(d, Map.of("Image", "C:\\x.exe"))).isFalse();
    }

    @Test
    void keywordsWithAllAreAndLinked() {
        String d = "    keywords:\n        '|all':\n            - 'alpha'\n            - 'beta'\n    condition: keywords\n";
        assertThat(on(d, Map.of("A", "alpha", "B", "beta"))).isTrue();
        assertThat(on(d, Map.of("A", "alpha"))).isFalse();
    }

    @Test
    void emptyListMeansAbsent() {
        String d = "    sel:\n        ParentCommandLine: []\n    condition: sel\n";
        assertThat(on(d, Map.of("Image", "x"))).isTrue();
    }

    @Test
    void expandResolvesPlaceholdersFromTheUserValues() {
        Rules withValues = new Rules(new SigmaDialect(Map.of("Admins", java.util.List.of("adm_*", "root")),
                java.util.List.of()));
        String text = rule("    sel:\n        User|expand: '%Admins%'\n    condition: sel\n");
        assertThat(withValues.matches(text, Map.of("User", "ADM_bob"))).isTrue();
        assertThat(withValues.matches(text, Map.of("User", "bob"))).isFalse();
    }

    @Test
    void unresolvedPlaceholderRejectsTheRule() {
        rules.compile(rule("    sel:\n        User|expand: '%Admins%'\n    condition: sel\n"));
        assertThat(rules.codes()).containsExactly("sigma/unresolved-placeholder");
    }
}
