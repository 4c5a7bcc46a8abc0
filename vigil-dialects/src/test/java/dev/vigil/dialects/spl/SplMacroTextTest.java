package dev.vigil.dialects.spl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Macro expansion over real ESCU search text: comments, escaped backslashes before quotes, quoted arguments. */
class SplMacroTextTest {

    @Test
    void aQuoteAfterAnEscapedBackslashClosesTheString() {
        // "\\drivers\\x64\\" ends with an escaped backslash, so the macro after it is outside the string.
        SplSemanticsTest.compile("index=x (\"\\\\drivers\\\\x64\\\\\") | stats count by host | `security_content_ctime(firstTime)`");
        assertThat(SplSemanticsTest.last.hasErrors()).as(SplSemanticsTest.last.all().toString()).isFalse();
    }

    @Test
    void tripleBacktickCommentsAreDropped() {
        assertThat(SplSemanticsTest.ir("index=x Image=a ```the image we want``` CommandLine=b"))
                .isEqualTo(SplSemanticsTest.ir("index=x Image=a CommandLine=b"));
    }

    @Test
    void quotedDataModelNameInDropDmObjectNameRenames() {
        SplSemanticsTest.compile("| tstats count from datamodel=Endpoint.Processes by Processes.process_name "
                + "| `drop_dm_object_name(\"Processes\")` | search process_name=net1.exe");
        assertThat(SplSemanticsTest.last.hasErrors()).as(SplSemanticsTest.last.all().toString()).isFalse();
    }
}
