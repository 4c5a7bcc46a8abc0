package dev.vigil.dialects.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads ATT&amp;CK ids out of the URLs documents link them with. */
final class AttackIds {

    private static final Pattern TECHNIQUE = Pattern.compile("/techniques/(T\\d{4})(?:/(\\d{3}))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TACTIC = Pattern.compile("/tactics/(TA\\d{4})", Pattern.CASE_INSENSITIVE);

    private AttackIds() {
    }

    /** {@code .../techniques/T1070/005/} → {@code T1070.005}. */
    static Optional<String> technique(String url) {
        Matcher m = TECHNIQUE.matcher(url);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).toUpperCase() + (m.group(2) == null ? "" : "." + m.group(2)));
    }

    static Optional<String> tactic(String url) {
        Matcher m = TACTIC.matcher(url);
        return m.find() ? Optional.of(m.group(1).toUpperCase()) : Optional.empty();
    }
}
