package dev.vigil.formats.read;

/**
 * Replaces what XML 1.0 forbids with U+FFFD before parsing, because Windows happily logs such values
 * (control characters in command lines, registry data) and exporters copy them verbatim: raw characters
 * below U+0020 other than tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates, and character references to
 * control characters ({@code &#x1;}, {@code &#1;}). Everything else, including markup, is left alone;
 * the text is returned unchanged (same instance) when nothing needs replacing.
 */
final class XmlCharFilter {

    private static final char REPLACEMENT = '\uFFFD';

    private XmlCharFilter() {}

    static String filter(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && allowed(s, i) && !isControlReference(s, i)) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            int refEnd = isControlReference(s, i) ? s.indexOf(';', i) : -1;
            if (refEnd > 0) {
                sb.append("&#xFFFD;");
                i = refEnd + 1;
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            sb.append(allowed(s, i) ? c : REPLACEMENT);
            i++;
        }
        return sb.toString();
    }

    private static boolean allowed(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c == 0xFFFE || c == 0xFFFF) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return true;
    }

    /** {@code &#N;} or {@code &#xH;} naming a control character XML 1.0 does not allow. */
    private static boolean isControlReference(String s, int i) {
        if (s.charAt(i) != '&' || i + 3 >= s.length() || s.charAt(i + 1) != '#') {
            return false;
        }
        int j = i + 2;
        boolean hex = s.charAt(j) == 'x' || s.charAt(j) == 'X';
        if (hex) {
            j++;
        }
        int v = 0;
        int digits = 0;
        for (; j < s.length() && digits < 8; j++, digits++) {
            int d = Character.digit(s.charAt(j), hex ? 16 : 10);
            if (d < 0) {
                break;
            }
            v = v * (hex ? 16 : 10) + d;
        }
        boolean terminated = j < s.length() && s.charAt(j) == ';' && digits > 0;
        return terminated && v < 0x20 && v != 0x9 && v != 0xA && v != 0xD;
    }
}
