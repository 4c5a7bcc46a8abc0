package dev.vigil.core.event;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing finds an event's plan by its class, built afresh by each normalizer. */
class EventClassTest {

    @Test
    void classesOfTheSamePartsAreEqualWhateverTheirStringInstances() {
        EventClass a = new EventClass("windows", "process_creation", "sysmon");
        EventClass b = new EventClass(new String("Windows"), new String("process_creation"), new String("sysmon"));
        assertThat(b).isEqualTo(a);
        assertThat(b.hashCode()).isEqualTo(a.hashCode());
    }

    @Test
    void classesDifferingInOnePartOrInAMissingPartDiffer() {
        EventClass a = new EventClass("windows", "process_creation", "sysmon");
        assertThat(new EventClass("windows", "process_creation", "security")).isNotEqualTo(a);
        assertThat(new EventClass("windows", null, "sysmon")).isNotEqualTo(a);
        assertThat(new EventClass(null, "process_creation", "sysmon")).isNotEqualTo(a);
        assertThat(new EventClass("", null, "")).isEqualTo(EventClass.UNKNOWN);
    }
}
