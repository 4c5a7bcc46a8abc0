package dev.vigil.formats.read;

/** What the first bytes of an input say it is. */
public enum ContentKind {
    GZIP, ZIP, TAR, EVTX, XML, JSON, EMPTY, UNSUPPORTED
}
