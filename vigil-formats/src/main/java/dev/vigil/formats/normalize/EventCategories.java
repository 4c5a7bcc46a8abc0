package dev.vigil.formats.normalize;

import java.util.HashMap;
import java.util.Map;

/** (service, EventID) → Sigma category, from {@code categories.tsv}; absent means "no category". */
public final class EventCategories {

    private final Map<String, String> byKey = new HashMap<>();

    public EventCategories() {
        for (String[] cols : MappingTable.Tsv.read("categories", 3)) {
            byKey.put(cols[0] + '/' + cols[1], cols[2]);
        }
    }

    public String category(String service, String eventId) {
        if (service == null || eventId == null) {
            return null;
        }
        return byKey.get(service + '/' + eventId);
    }
}
