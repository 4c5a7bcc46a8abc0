package dev.vigil.formats;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The hook for a native EVTX decoder. {@link InputReader} recognises EVTX files by their magic
 * ({@code ElfFile\0}) and hands them to the first implementation found through
 * {@link java.util.ServiceLoader} (declare it in {@code META-INF/services/dev.vigil.formats.EvtxDecoder}).
 * Without one, such files are counted as skipped with reason
 * {@value InputReader#EVTX_UNAVAILABLE} — never silently.
 *
 * <p>The decoder turns each record into a {@link WindowsRecord} (System names as documented there, the
 * EventRecordID in {@code EventRecordID}) and reports damaged records through the sink, then goes on.
 */
public interface EvtxDecoder {

    /** Decodes one EVTX file on disk; {@code displayPath} is how the file is named in problems. */
    void decode(Path file, String displayPath, RecordSink sink) throws IOException;

    /**
     * The number of chunks of an EVTX file, for callers that spread one large file over threads, or -1 when
     * this decoder cannot decode a file in parts.
     *
     * @throws IOException when the file has no usable EVTX header
     */
    default int chunkCount(Path file) throws IOException {
        return -1;
    }

    /**
     * Decodes chunks {@code [from, to)} of a file. Decoding every part of a file in order delivers exactly
     * what {@link #decode} delivers, provided file-level damage is reported by one part only
     * ({@code fileDamage}). Records are identified by their EventRecordID, so no part needs another's count.
     *
     * @throws UnsupportedOperationException when {@link #chunkCount} is -1
     */
    default void decodeChunks(Path file, String displayPath, RecordSink sink, int from, int to, boolean fileDamage)
            throws IOException {
        throw new UnsupportedOperationException("this EVTX decoder cannot decode a file in parts");
    }
}
