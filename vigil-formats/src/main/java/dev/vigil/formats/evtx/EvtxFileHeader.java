package dev.vigil.formats.evtx;

/**
 * The 4096-byte file header ({@code ElfFile\0}); only the first 128 bytes carry data.
 *
 * <pre>
 *  0  8 signature "ElfFile\0"     32 4 header size (128)
 *  8  8 first chunk number        36 2 minor version, 38 2 major version (3)
 * 16  8 last chunk number         40 2 header block size (4096)
 * 24  8 next record identifier    42 2 chunk count (u16: overflows, not trusted)
 * 120 4 flags (0x1 dirty, 0x2 full)   124 4 CRC32 of bytes 0..119
 * </pre>
 *
 * @param checksumValid whether the stored CRC32 matches bytes 0..119
 */
public record EvtxFileHeader(
        long firstChunkNumber,
        long lastChunkNumber,
        long nextRecordId,
        int headerSize,
        int minorVersion,
        int majorVersion,
        int headerBlockSize,
        int chunkCountField,
        int flags,
        long checksum,
        boolean checksumValid) {

    public static final int SIZE = 4096;
    public static final int FLAG_DIRTY = 0x1;
    public static final int FLAG_FULL = 0x2;

    public boolean isDirty() {
        return (flags & FLAG_DIRTY) != 0;
    }

    public boolean isFull() {
        return (flags & FLAG_FULL) != 0;
    }
}
