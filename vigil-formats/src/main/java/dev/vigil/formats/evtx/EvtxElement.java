package dev.vigil.formats.evtx;

import java.util.List;
import java.util.Objects;

/**
 * An element of a decoded event, e.g. {@code <Data Name="Image">C:\x.exe</Data>}.
 *
 * @param name element name
 * @param attributes attributes in document order
 * @param children child nodes in document order
 */
public record EvtxElement(String name, List<EvtxAttribute> attributes, List<EvtxNode> children)
        implements EvtxNode {

    public EvtxElement {
        Objects.requireNonNull(name, "name");
        attributes = attributes instanceof FrozenList ? attributes : List.copyOf(attributes);
        children = children instanceof FrozenList ? children : List.copyOf(children);
    }

    /** Value of the named attribute, or null. */
    public String attribute(String attributeName) {
        for (EvtxAttribute a : attributes) {
            if (a.name().equals(attributeName)) {
                return a.value();
            }
        }
        return null;
    }

    /** First child element with that name, or null. */
    public EvtxElement child(String childName) {
        for (EvtxNode n : children) {
            if (n instanceof EvtxElement e && e.name().equals(childName)) {
                return e;
            }
        }
        return null;
    }

    /** Concatenated text of the direct text children; empty when there is none. */
    public String text() {
        String single = null;
        StringBuilder sb = null;
        for (EvtxNode n : children) {
            if (n instanceof EvtxText t) {
                if (single == null) {
                    single = t.text();
                } else {
                    if (sb == null) {
                        sb = new StringBuilder(single);
                    }
                    sb.append(t.text());
                }
            }
        }
        if (sb != null) {
            return sb.toString();
        }
        return single == null ? "" : single;
    }
}
