package dev.vigil.formats.transform;

import java.util.Locale;

/**
 * GUIDs in one spelling: no braces, upper case — Windows writes {@code {lower}}, the Rust evtx crate
 * writes {@code UPPER}; rules must match either source.
 */
public final class GuidText implements Transform {
    @Override
    public String apply(String[] sources) {
        return normalize(sources[0]);
    }

    /** The normalized GUID, or the value unchanged when it is not GUID-shaped. */
    public static String normalize(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (n == 38 && s.charAt(0) == '{' && s.charAt(37) == '}') {
            return s.substring(1, 37).toUpperCase(Locale.ROOT);
        }
        if (n == 36 && s.charAt(8) == '-') {
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 'a' && c <= 'f') {
                    return s.toUpperCase(Locale.ROOT);
                }
            }
        }
        return s;
    }
}
