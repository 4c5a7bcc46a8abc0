package dev.vigil.formats.transform;

import java.util.Locale;

/** Upper-case text: hashes from ECS are lower-case hex, Sysmon's {@code Hashes} are upper-case. */
final class UpperCase implements Transform {
    @Override
    public String apply(String[] sources) {
        return sources[0] == null ? null : sources[0].toUpperCase(Locale.ROOT);
    }
}
