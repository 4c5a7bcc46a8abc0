package dev.vigil.formats.transform;

/**
 * A named value transform used by the mapping tables ({@code *.tsv}): turns the source field values
 * (one per source column, null when absent) into the canonical value, or null when it cannot.
 */
public interface Transform {

    String apply(String[] sources);
}
