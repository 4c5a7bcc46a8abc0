package dev.vigil.dialects.spl;

import dev.vigil.core.analytic.EventScope;

/**
 * How field names in one part of a search resolve: onto canonical event fields (a raw search, a data
 * model's where clause) or onto row columns (after a transforming command).
 */
interface FieldScope {

    /**
     * What a field name means.
     *
     * @param field     the canonical field or column to test, or null when the name does not exist here
     * @param basenameOf when set, the name means "the last path component of this field"
     * @param binding   when set, the name is a source binding ({@code index}, {@code sourcetype}, ...), not a field
     * @param why       for an unknown name: why predicates on it are false
     */
    record Resolved(String field, String basenameOf, String bindingKind, String why) {

        static Resolved field(String f) {
            return new Resolved(f, null, null, null);
        }

        static Resolved unknown(String why) {
            return new Resolved(null, null, null, why);
        }

        boolean isBinding() {
            return bindingKind != null;
        }
    }

    /** Resolves {@code name} written at expanded offset {@code offset}, reporting unknown names once. */
    Resolved resolve(String name, int offset);

    /** What a source binding term binds to ({@link EventScope#ANY} when it binds nothing known). */
    default EventScope bind(String kind, String value) {
        return SplTables.INSTANCE.bind(kind, value);
    }
}
