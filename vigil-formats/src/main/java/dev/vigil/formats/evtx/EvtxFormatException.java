package dev.vigil.formats.evtx;

import java.io.IOException;

/**
 * Thrown by {@link EvtxFile#open} when the file is not an EVTX file at all (missing or short
 * {@code ElfFile\0} header). Damage inside an EVTX file is reported through {@link EvtxDamage}
 * instead.
 */
public final class EvtxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public EvtxFormatException(String message) {
        super(message);
    }
}
