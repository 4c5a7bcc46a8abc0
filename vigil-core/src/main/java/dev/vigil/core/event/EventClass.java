package dev.vigil.core.event;

import java.util.Locale;
import java.util.Objects;

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

    /**
     * Written out rather than generated: matching compares each event's class with the last one's, and the
     * generated method, through method handles, was a twentieth of matching the seed analytics. Classes a
     * normalizer builds share their strings, so the identity tests mostly decide.
     */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof EventClass c && same(product, c.product) && same(category, c.category)
                && same(service, c.service);
    }

    private static boolean same(String a, String b) {
        return a == b || a != null && a.equals(b);
    }

    /** Without {@code Objects.hash}, whose argument array a plan lookup would allocate on each change of class. */
    @Override
    public int hashCode() {
        return (Objects.hashCode(product) * 31 + Objects.hashCode(category)) * 31 + Objects.hashCode(service);
    }

    @Override
    public String toString() {
        return (product == null ? "*" : product) + "/" + (category == null ? "*" : category) + "/"
                + (service == null ? "*" : service);
    }
}
