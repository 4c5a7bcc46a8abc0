package dev.vigil.formats.transform;

/** The first source value unchanged. */
final class Copy implements Transform {
    @Override
    public String apply(String[] sources) {
        return sources[0];
    }
}
