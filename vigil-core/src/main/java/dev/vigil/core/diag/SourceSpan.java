package dev.vigil.core.diag;

/**
 * Where an author's text sits: a file and a 1-based line and column. {@code file} is the path as the
 * user gave it (or a resource name for built-in analytics), so diagnostics can be clicked in an editor.
 */
public record SourceSpan(String file, int line, int column) {

    public static final SourceSpan NONE = new SourceSpan("<unknown>", 0, 0);

    public static SourceSpan of(String file, int line, int column) {
        return new SourceSpan(file, line, column);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
