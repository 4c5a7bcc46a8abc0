package dev.vigil.core.engine.plan;

import java.util.Locale;

/**
 * Lower-casing of Latin-1 characters by table. Within Latin-1, {@link String#toLowerCase(Locale)} with
 * {@code Locale.ROOT} maps each character on its own and stays within Latin-1, so searches fold a Latin-1
 * value as they read it, without allocating.
 */
final class Latin1Fold {

    static final char[] LOWER = new char[256];

    static {
        for (char c = 0; c < 256; c++) {
            LOWER[c] = Character.toLowerCase(c);
        }
    }

    private Latin1Fold() {
    }
}
