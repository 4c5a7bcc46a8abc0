package dev.vigil.formats.evtx;

/**
 * One problem found while reading a file. Reading goes on with the next record or chunk; damage
 * is reported, never thrown.
 *
 * @param kind what went wrong
 * @param chunkIndex zero-based chunk index, or -1 for the file header
 * @param fileOffset absolute file offset of the damaged structure
 * @param recordId the EventRecordID when known, else -1
 * @param message human-readable detail naming the file and what was expected
 */
public record EvtxDamage(Kind kind, int chunkIndex, long fileOffset, long recordId, String message) {

    /** Damage categories. */
    public enum Kind {
        /** File header CRC mismatch or implausible fields; the chunks are still read. */
        FILE_HEADER,
        /** File size is not header + whole chunks; the partial tail is decoded as far as it goes. */
        TRUNCATED_FILE,
        /** A chunk consisting of zero bytes (normal in dirty or pre-allocated files). */
        CHUNK_EMPTY,
        /** A chunk whose signature is not {@code ElfChnk\0}; skipped. */
        CHUNK_BAD_MAGIC,
        /** Chunk header CRC mismatch (only with checksum validation); chunk skipped. */
        CHUNK_HEADER_CHECKSUM,
        /** Chunk record-data CRC mismatch (only with checksum validation); chunk skipped. */
        CHUNK_DATA_CHECKSUM,
        /** Chunk header fields out of range (e.g. free-space offset past the chunk); clamped. */
        CHUNK_HEADER_FIELDS,
        /** Bytes where a record should start are neither a record nor zero; scanning resumes. */
        RECORD_BAD_MAGIC,
        /** Record size and trailing size copy differ (record caught mid-write); skipped. */
        RECORD_SIZE_MISMATCH,
        /** Record size too small or running past the chunk's data; skipped. */
        RECORD_OUT_OF_BOUNDS,
        /** BinXML could not be decoded (bad token, bad string/template offset, loop, too large). */
        RECORD_BINXML
    }

    @Override
    public String toString() {
        return kind + " chunk=" + chunkIndex + " offset=" + fileOffset
                + (recordId >= 0 ? " record=" + recordId : "") + ": " + message;
    }
}
