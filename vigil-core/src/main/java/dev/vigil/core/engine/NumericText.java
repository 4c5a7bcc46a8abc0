package dev.vigil.core.engine;

/** Reads numbers the way event values spell them: decimal, or hexadecimal with a {@code 0x} prefix. */
public final class NumericText {

    private NumericText() {
    }

    /** The number in {@code s}, or NaN when it is not one. */
    public static double parse(String s) {
        if (s == null) {
            return Double.NaN;
        }
        String t = s.trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            if (t.length() > 2 && (t.startsWith("0x") || t.startsWith("0X"))) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            char c = t.charAt(t.length() - 1);
            if (!Character.isDigit(c) && c != '.') {
                return Double.NaN; // rejects "1d", "Infinity" and friends that Double.parseDouble accepts
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
