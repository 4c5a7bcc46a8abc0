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
}
