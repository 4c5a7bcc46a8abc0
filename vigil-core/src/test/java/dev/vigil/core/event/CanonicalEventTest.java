package dev.vigil.core.event;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The values read by position stay those read by field through replacements and removals. */
class CanonicalEventTest {

    @Test
    void valuesByPositionFollowPutsReplacementsAndRemovals() {
        CanonicalEvent e = new CanonicalEvent(null);
        for (int i = 0; i < 40; i++) {
            e.put("CanonicalEventTest" + i, "v" + i);
        }
        e.put("CanonicalEventTest3", "again");
        e.remove(Field.of("CanonicalEventTest0"));
        e.remove(Field.of("CanonicalEventTest17"));
        e.put("CanonicalEventTest0", "back");
        assertThat(e.size()).isEqualTo(39);
        for (int i = 0; i < e.size(); i++) {
            assertThat(e.valueAt(i)).as("position %d", i).isSameAs(e.get(e.fieldAt(i)));
        }
        assertThat(e.fieldAt(2).name()).isEqualTo("CanonicalEventTest3");
        assertThat(e.valueAt(2)).isEqualTo("again");
        assertThat(e.fieldAt(e.size() - 1).name()).isEqualTo("CanonicalEventTest0");
    }

    @Test
    void echoMarksFollowTheirValuesThroughRemovalsAndEndWithAReplacement() {
        CanonicalEvent e = new CanonicalEvent(null);
        for (int i = 0; i < 6; i++) {
            e.put("CanonicalEventEcho" + i, "v" + i);
        }
        e.markEcho(Field.of("CanonicalEventEcho2")).markEcho(Field.of("CanonicalEventEcho4"));
        e.remove(Field.of("CanonicalEventEcho1"));
        assertThat(echoes(e)).containsExactly("CanonicalEventEcho2", "CanonicalEventEcho4");
        e.put("CanonicalEventEcho4", "replaced");
        assertThat(echoes(e)).containsExactly("CanonicalEventEcho2");
    }

    @Test
    void aValueWithACapitalSigmaIsNeverAnEcho() {
        CanonicalEvent e = new CanonicalEvent(null).put("CanonicalEventSigma", "ΑΣ");
        e.markEcho(Field.of("CanonicalEventSigma"));
        assertThat(e.echoAt(0)).isFalse();
    }

    private static java.util.List<String> echoes(CanonicalEvent e) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            if (e.echoAt(i)) {
                out.add(e.fieldAt(i).name());
            }
        }
        return out;
    }
}
