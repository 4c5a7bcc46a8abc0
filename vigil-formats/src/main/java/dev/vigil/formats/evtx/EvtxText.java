package dev.vigil.formats.evtx;

import java.util.Objects;

/**
 * Character data inside an element.
 *
 * <p>Substitution values are rendered as follows: strings as is; integers in decimal; HexInt32,
 * HexInt64 and SizeT as {@code 0x} plus lower-case hex without padding; GUIDs as
 * {@code {UPPER-CASE}} with braces; FILETIME and SYSTEMTIME as ISO-8601 UTC with seven fractional
 * digits and {@code Z}; SIDs as {@code S-1-...}; binary as upper-case hex; booleans as
 * {@code true}/{@code false}.
 *
 * @param text the rendered text, never null
 * @param valueType the BinXML value type it came from ({@link EvtxValueType}), or {@code 0x01}
 *     (string) for literal text, CDATA and resolved references
 */
public record EvtxText(String text, int valueType) implements EvtxNode {
    public EvtxText {
        Objects.requireNonNull(text, "text");
    }
}
