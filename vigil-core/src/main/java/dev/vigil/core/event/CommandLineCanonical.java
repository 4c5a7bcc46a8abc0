package dev.vigil.core.event;

/**
 * The canonical form of a command line, for analytics that want to see through the spellings a shell
 * accepts for the same command: case folded, double quotes and carets removed ({@code /de"le"te} and
 * {@code /de^lete} are {@code /delete} to net.exe once cmd.exe has parsed them), every Unicode dash made
 * {@code -}, runs of white space made one space, leading and trailing space trimmed. It is an opt-in
 * derived field ({@code CommandLineCanonical}): computed only when a loaded analytic names it, and it never
 * changes what other rules see in {@code CommandLine}.
 */
public final class CommandLineCanonical {

    /** The derived fields this class computes, by the field they are computed from. */
    public static final java.util.Map<String, String> FIELDS = java.util.Map.of(
            "CommandLineCanonical", "CommandLine",
            "ParentCommandLineCanonical", "ParentCommandLine");

    private CommandLineCanonical() {
    }

    public static String of(String commandLine) {
        StringBuilder sb = new StringBuilder(commandLine.length());
        boolean space = false;
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if (c == '"' || c == '^') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(isDash(c) ? '-' : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    // U+2010..U+2015 (hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar),
    // U+2212 minus, U+FE58/FE63/FF0D small and full-width hyphen-minus, U+2043 hyphen bullet.
    private static boolean isDash(char c) {
        return (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\u2043' || c == '\uFE58' || c == '\uFE63'
                || c == '\uFF0D';
    }
}
