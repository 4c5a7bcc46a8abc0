package dev.vigil.formats.evtx;

import java.util.Objects;

/**
 * One attribute of an {@link EvtxElement}. The value is already rendered to text (char and
 * entity references resolved), see {@link EvtxText} for the value conventions.
 *
 * @param name attribute name
 * @param value rendered value, never null
 */
public record EvtxAttribute(String name, String value) {
    public EvtxAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
