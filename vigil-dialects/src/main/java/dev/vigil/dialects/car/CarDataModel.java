package dev.vigil.dialects.car;

import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.event.EventClass;
import dev.vigil.dialects.DataTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CAR data model as Vigil sees it: which event classes an {@code Object:Action} search means
 * ({@code car-objects.tsv}) and which canonical field each object's field names ({@code car-fields.tsv}).
 */
final class CarDataModel {

    /** Marks a data-model field that no Windows source provides. */
    static final String UNAVAILABLE = "-";

    private static final CarDataModel INSTANCE = new CarDataModel();

    private final Map<String, EventScope> scopes = new HashMap<>();
    private final Map<String, Map<String, String>> fields = new HashMap<>();

    private CarDataModel() {
        for (String[] row : DataTable.resource(CarDataModel.class, "car-objects.tsv")) {
            List<EventClass> classes = new ArrayList<>();
            for (String c : row[2].split("\\|")) {
                String[] p = c.split("/");
                classes.add(new EventClass(star(p[0]), star(p[1]), star(p[2])));
            }
            scopes.put(row[0] + ":" + row[1], new EventScope(classes));
        }
        for (String[] row : DataTable.resource(CarDataModel.class, "car-fields.tsv")) {
            fields.computeIfAbsent(row[0], k -> new LinkedHashMap<>()).put(row[1], row[2]);
        }
    }

    private static String star(String s) {
        return "*".equals(s) ? null : s;
    }

    static CarDataModel get() {
        return INSTANCE;
    }

    /** Object names are matched loosely ({@code UserSession} = {@code user_session}). */
    static String objectKey(String object) {
        return object.replace("_", "").toLowerCase(Locale.ROOT);
    }

    boolean knowsObject(String object) {
        return fields.keySet().stream().anyMatch(o -> objectKey(o).equals(objectKey(object)));
    }

    Optional<EventScope> scope(String object, String action) {
        String o = fields.keySet().stream().filter(k -> objectKey(k).equals(objectKey(object))).findFirst()
                .orElse(object.toLowerCase(Locale.ROOT));
        EventScope s = scopes.get(o + ":" + action.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(s);
    }

    /** The object's fields (CAR name to canonical name or {@link #UNAVAILABLE}). */
    Map<String, String> fields(String object) {
        return fields.entrySet().stream().filter(e -> objectKey(e.getKey()).equals(objectKey(object)))
                .map(Map.Entry::getValue).findFirst().orElse(Map.of());
    }
}
