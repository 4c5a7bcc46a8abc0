package dev.vigil.dialects.spl;

/**
 * Query text after macro expansion, remembering for every character the offset in the author's text it
 * came from (a character produced by a macro maps to the macro's opening backtick), so diagnostics point at
 * what the author wrote.
 */
record ExpandedText(String text, int[] origin) {

    /** The author's offset for an offset into the expanded text. */
    int originOf(int offset) {
        if (origin.length == 0) {
            return 0;
        }
        return origin[Math.max(0, Math.min(offset, origin.length - 1))];
    }
}
