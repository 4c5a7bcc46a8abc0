package dev.vigil.formats.evtx;

/**
 * Internal signal that a record's BinXML cannot be decoded; caught per record and turned into
 * {@link EvtxDamage.Kind#RECORD_BINXML}. Never escapes the public API.
 */
final class BinXmlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BinXmlException(String message) {
        super(message, null, false, false);
    }
}
