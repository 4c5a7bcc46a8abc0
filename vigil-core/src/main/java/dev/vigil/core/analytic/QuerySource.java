package dev.vigil.core.analytic;

import dev.vigil.core.diag.SourceSpan;

/**
 * Maps a position inside an implementation's query text back to the file it was loaded from. Line 1 of
 * the query starts at {@code (firstLine, firstColumn)} of the file; every later line starts at column
 * {@code indent + 1} (the indentation a YAML block scalar strips, or 0 in a Markdown fence).
 */
public record QuerySource(String file, int firstLine, int firstColumn, int indent) {

    /** The file position of the query's 1-based {@code line} and {@code column}. */
    public SourceSpan at(int line, int column) {
        if (line <= 1) {
            return new SourceSpan(file, firstLine, firstColumn + column - 1);
        }
        return new SourceSpan(file, firstLine + line - 1, indent + column);
    }

    /** The file position of a 0-based character offset into {@code text}. */
    public SourceSpan atOffset(String text, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return at(line, col);
    }
}
