package dev.vigil.core.event;

/**
 * The one view of an event that every rule sees. Values are strings (numbers keep their text form, so
 * a typed rule value can still match it), or {@code String[]} for a multi-valued field; {@code null}
 * means the field is absent. Everything else (mapping, derivation) happens before an event is built.
 */
public interface Event {

    /** The value of a field: a {@code String}, a {@code String[]}, or null when absent. */
    Object get(Field field);

    /** The first value of a field as text, or null when absent. */
    default String text(Field field) {
        Object v = get(field);
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof String[] a) {
            return a.length == 0 ? null : a[0];
        }
        return null;
    }

    EventClass eventClass();

    /** Event time in epoch milliseconds (UTC), or {@link Long#MIN_VALUE} when the source gives none. */
    long timeMillis();

    /** The host that logged the event, or null. */
    String host();

    Origin origin();

    /** Every present field, in the order the normalizer produced them (canonical, then derived, then raw). */
    Iterable<Field> fields();
}
