package dev.vigil.core.event;

import java.util.Locale;

/**
 * What kind of event this is, in Sigma's logsource vocabulary: a product ({@code windows}), a category
 * where one applies ({@code process_creation}, {@code network_connection}, ...) and the service that
 * logged it ({@code sysmon}, {@code security}, ...). Decided once by the normalizer; rules are routed on it.
 * Any part may be null when unknown.
 */
public record EventClass(String product, String category, String service) {

    public static final EventClass UNKNOWN = new EventClass(null, null, null);

    public EventClass {
        product = lower(product);
        category = lower(category);
        service = lower(service);
    }

    private static String lower(String s) {
        return s == null || s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return (product == null ? "*" : product) + "/" + (category == null ? "*" : category) + "/"
                + (service == null ? "*" : service);
    }
}
