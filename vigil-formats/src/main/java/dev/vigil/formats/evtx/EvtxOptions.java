package dev.vigil.formats.evtx;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reader options.
 *
 * @param validateChecksums verify chunk header and data CRC32s and skip chunks that fail (chunks
 *     flagged NO_CRC32 are never checked); off by default, like the reference parsers
 * @param ansiCharset code page for ANSI string values (windows-1252 by default)
 * @param damageListener receives every {@link EvtxDamage}; must be thread-safe when chunks are
 *     decoded in parallel
 */
public record EvtxOptions(
        boolean validateChecksums, Charset ansiCharset, Consumer<EvtxDamage> damageListener) {

    public EvtxOptions {
        Objects.requireNonNull(ansiCharset, "ansiCharset");
        Objects.requireNonNull(damageListener, "damageListener");
    }

    /** No checksum validation, windows-1252, damage ignored. */
    public static EvtxOptions defaults() {
        return new EvtxOptions(false, defaultAnsi(), d -> { });
    }

    public EvtxOptions withChecksums(boolean validate) {
        return new EvtxOptions(validate, ansiCharset, damageListener);
    }

    public EvtxOptions withDamageListener(Consumer<EvtxDamage> listener) {
        return new EvtxOptions(validateChecksums, ansiCharset, listener);
    }

    private static Charset defaultAnsi() {
        // windows-1252 is in every JDK we target, but fall back rather than fail at startup.
        try {
            return Charset.forName("windows-1252");
        } catch (RuntimeException e) {
            return java.nio.charset.StandardCharsets.ISO_8859_1;
        }
    }
}
