package dev.vigil.formats.transform;

/**
 * {@code 0x25a4} → {@code 9636}. Security events log PIDs in hex while Sysmon and rules use decimal;
 * a value that is already decimal (no {@code 0x}) is kept, anything unparsable is kept as given.
 */
public final class HexToDecimal implements Transform {
    @Override
    public String apply(String[] sources) {
        String s = sources[0];
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
            try {
                return Long.toUnsignedString(Long.parseUnsignedLong(t.substring(2), 16));
            } catch (NumberFormatException e) {
                return s;
            }
        }
        return s;
    }
}
