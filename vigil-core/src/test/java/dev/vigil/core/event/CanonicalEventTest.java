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
}
