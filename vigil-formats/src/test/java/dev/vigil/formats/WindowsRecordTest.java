package dev.vigil.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowsRecordTest {

    @Test
    void keepsFieldsInInsertionOrder() {
        WindowsRecord r = new WindowsRecord("test", true).add("EventID", "1").add("Image", "a.exe").add("User", "x");

        assertThat(r.fields()).containsExactly(
                Map.entry("EventID", "1"), Map.entry("Image", "a.exe"), Map.entry("User", "x"));
    }

    @Test
    void repeatedNameBecomesMultiValueInPlace() {
        WindowsRecord r = new WindowsRecord("test", true).add("Data", "a").add("Other", "o").add("Data", "b");

        assertThat(r.nameAt(0)).isEqualTo("Data");
        assertThat((String[]) r.get("Data")).containsExactly("a", "b");
        assertThat(r.size()).isEqualTo(2);
    }

    @Test
    void putReplacesWithoutMovingAndPutIfAbsentKeepsTheFirst() {
        WindowsRecord r = new WindowsRecord("test", true).add("A", "1").add("B", "2");
        r.put("A", "3").putIfAbsent("B", "4").putIfAbsent("C", "5");

        assertThat(r.fields()).containsExactly(
                Map.entry("A", "3"), Map.entry("B", "2"), Map.entry("C", "5"));
    }

    @Test
    void growsPastItsCapacityWithEveryFieldStillFound() {
        WindowsRecord r = new WindowsRecord("test", true, 4);
        for (int i = 0; i < 300; i++) {
            r.add("f" + i, Integer.toString(i));
        }

        List<String> missing = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (!Integer.toString(i).equals(r.text("f" + i)) || !r.nameAt(i).equals("f" + i)) {
                missing.add("f" + i);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(r.get("f300")).isNull();
    }

    @Test
    void nullValuesAreNotFields() {
        WindowsRecord r = new WindowsRecord("test", true).add("A", null).put("B", null).putIfAbsent("C", null);

        assertThat(r.size()).isZero();
        assertThat(r.get("A")).isNull();
    }
}
