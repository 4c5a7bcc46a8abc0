package dev.vigil.formats.evtx;

import static dev.vigil.formats.evtx.LittleEndian.i32;
import static dev.vigil.formats.evtx.LittleEndian.i64;
import static dev.vigil.formats.evtx.LittleEndian.u32;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Decodes the records of one chunk. Chunks are self-contained (names and templates are
 * chunk-relative), so any number of chunks may be decoded concurrently, each by its own decoder.
 *
 * <p>Chunk header (512 bytes): {@code "ElfChnk\0"}, first/last record number (8, 16),
 * first/last record id (24, 32), header size (40), last record offset (44), free-space offset
 * (48), data CRC32 over {@code [512, free space)} (52), flags (120; 0x4 = no CRC32), header CRC32
 * over {@code [0,120) ++ [128,512)} (124), 64 string-bucket offsets (128), 32 template offsets
 * (384). Records run from 512 to the free-space offset; a zero signature where a record should
 * start is a clean end.
 *
 * <p>Recovery: after a record that does not fit (bad signature, size, or size copy) the rest of
 * the chunk is scanned for the next consistent record; recovered records whose id was already
 * seen in this chunk are dropped since slack space often holds older copies.
 */
final class ChunkDecoder {
    static final int CHUNK_SIZE = 65536;
    static final int HEADER_SIZE = 512;
    private static final int FLAG_NO_CRC32 = 0x4;
    private static final int RECORD_MAGIC = 0x00002a2a;
    private static final byte[] MAGIC = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};

    private final String fileName;
    private final EvtxOptions options;

    ChunkDecoder(String fileName, EvtxOptions options) {
        this.fileName = fileName;
        this.options = options;
    }

    /** Reads the rest of a chunk into the buffer on demand. */
    interface Rest {
        /** Fills {@code b[from, length)} of the chunk's buffer. */
        void load(int from) throws IOException;
    }

    private Rest rest;
    private int loaded;

    /** Decodes a chunk held completely in {@code b[0, length)}. */
    int decode(byte[] b, int length, int chunkIndex, long chunkOffset,
            Consumer<EvtxRecord> sink, Consumer<EvtxDamage> damage) {
        return decode(b, length, length, null, chunkIndex, chunkOffset, sink, damage);
    }

    /**
     * Decodes a chunk of {@code length} bytes ({@code length} is below 65536 only for the
     * truncated tail of a file) of which {@code b[0, loaded)} is in the buffer; {@code rest} reads
     * the remainder when a record, a recovery scan or a damaged header needs it. Records normally
     * end at the free-space offset, so the unused tail of a chunk is seldom read at all.
     *
     * @return the number of records delivered
     */
    int decode(byte[] b, int length, int loaded, Rest rest, int chunkIndex, long chunkOffset,
            Consumer<EvtxRecord> sink, Consumer<EvtxDamage> damage) {
        this.rest = rest;
        this.loaded = loaded;
        if (length < HEADER_SIZE) {
            damage.accept(new EvtxDamage(EvtxDamage.Kind.TRUNCATED_FILE, chunkIndex, chunkOffset, -1,
                    fileName + ": chunk " + chunkIndex + " at offset " + chunkOffset + " has only "
                            + length + " bytes, expected a 512-byte chunk header"));
            return 0;
        }
        if (!hasMagic(b)) {
            if (isZero(b, HEADER_SIZE)) {
                damage.accept(new EvtxDamage(EvtxDamage.Kind.CHUNK_EMPTY, chunkIndex, chunkOffset, -1,
                        fileName + ": chunk " + chunkIndex + " at offset " + chunkOffset
                                + " is all zero, skipped"));
            } else {
                damage.accept(new EvtxDamage(EvtxDamage.Kind.CHUNK_BAD_MAGIC, chunkIndex, chunkOffset, -1,
                        fileName + ": chunk " + chunkIndex + " at offset " + chunkOffset
                                + " lacks the ElfChnk signature, skipped"));
            }
            return 0;
        }
        long freeSpace = u32(b, 48);
        int limit = (int) Math.min(freeSpace, length);
        if (freeSpace > CHUNK_SIZE || freeSpace < HEADER_SIZE) {
            damage.accept(new EvtxDamage(EvtxDamage.Kind.CHUNK_HEADER_FIELDS, chunkIndex, chunkOffset,
                    -1, fileName + ": chunk " + chunkIndex + " at offset " + chunkOffset
                            + " has free-space offset " + freeSpace + ", expected 512..65536; scanning to "
                            + length));
            limit = length;
        }
        if (length < CHUNK_SIZE) {
            damage.accept(new EvtxDamage(EvtxDamage.Kind.TRUNCATED_FILE, chunkIndex, chunkOffset, -1,
                    fileName + ": chunk " + chunkIndex + " at offset " + chunkOffset + " is cut off after "
                            + length + " of 65536 bytes"));
        }
        loadTo(limit);
        int flags = i32(b, 120);
        if (options.validateChecksums() && (flags & FLAG_NO_CRC32) == 0
                && !checksumsOk(b, length, limit, chunkIndex, chunkOffset, damage)) {
            return 0;
        }
        return records(b, length, limit, chunkIndex, chunkOffset, sink, damage);
    }

    private int records(byte[] b, int length, int limit, int chunkIndex, long chunkOffset,
            Consumer<EvtxRecord> sink, Consumer<EvtxDamage> damage) {
        BinXmlParser parser = new BinXmlParser(b, limit, options.ansiCharset());
        long[] delivered = new long[64];
        Set<Long> seen = null;
        boolean recovering = false;
        int count = 0;
        int off = HEADER_SIZE;
        while (off + 28 <= limit) {
            int magic = i32(b, off);
            if (magic == 0 && !recovering) {
                break;
            }
            String problem = null;
            EvtxDamage.Kind kind = null;
            long size = u32(b, off + 4);
            if (magic != RECORD_MAGIC) {
                kind = EvtxDamage.Kind.RECORD_BAD_MAGIC;
                problem = "expected record signature 2a2a0000";
            } else if (size < 28 || off + size > length) {
                kind = EvtxDamage.Kind.RECORD_OUT_OF_BOUNDS;
                problem = "record size " + size + " does not fit (expected 28.." + (length - off) + ")";
            } else if (u32(b, loadTo(off + (int) size) - 4) != size) {
                kind = EvtxDamage.Kind.RECORD_SIZE_MISMATCH;
                problem = "record size " + size + " differs from its trailing copy "
                        + u32(b, off + (int) size - 4);
            }
            if (problem != null) {
                long id = magic == RECORD_MAGIC ? i64(b, off + 8) : -1;
                if (!recovering) {
                    damage.accept(new EvtxDamage(kind, chunkIndex, chunkOffset + off, id,
                            fileName + ": chunk " + chunkIndex + " offset " + (chunkOffset + off)
                                    + (id >= 0 ? " record " + id : "") + ": " + problem
                                    + "; scanning the rest of the chunk"));
                }
                recovering = true;
                loadTo(length);
                off = nextCandidate(b, off + 1, limit, length);
                if (off < 0) {
                    break;
                }
                continue;
            }
            long id = i64(b, off + 8);
            int next = off + (int) size;
            if (recovering) {
                if (seen == null) {
                    // Built only once recovery starts, from the ids delivered so far.
                    seen = new HashSet<>();
                    for (int i = 0; i < count; i++) {
                        seen.add(delivered[i]);
                    }
                }
                if (!seen.add(id)) {
                    off = next;
                    continue;
                }
            }
            try {
                EvtxElement event = parser.decodeRecord(off + 24, next - 4);
                sink.accept(new EvtxRecord(id, chunkOffset + off, chunkIndex, i64(b, off + 16), event));
                if (count == delivered.length) {
                    delivered = Arrays.copyOf(delivered, count * 2);
                }
                delivered[count++] = id;
            } catch (BinXmlException e) {
                damage.accept(new EvtxDamage(EvtxDamage.Kind.RECORD_BINXML, chunkIndex, chunkOffset + off,
                        id, fileName + ": chunk " + chunkIndex + " offset " + (chunkOffset + off)
                                + " record " + id + ": " + e.getMessage()));
            } catch (RuntimeException e) {
                // Every read is bounds-checked, so this means a decoder defect; one record is lost
                // rather than the whole file, and the report says what happened.
                damage.accept(new EvtxDamage(EvtxDamage.Kind.RECORD_BINXML, chunkIndex, chunkOffset + off,
                        id, fileName + ": chunk " + chunkIndex + " offset " + (chunkOffset + off)
                                + " record " + id + ": internal decoder error " + e));
            }
            off = next;
        }
        return count;
    }

    /**
     * Ensures the chunk's bytes up to {@code upTo} are in the buffer, reading the rest of the chunk the first
     * time more is needed; returns {@code upTo}. A read error surfaces as an {@link UncheckedIOException}
     * that {@link EvtxFile} turns back into the {@code IOException} it is.
     */
    private int loadTo(int upTo) {
        if (upTo > loaded) {
            try {
                rest.load(loaded);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            loaded = Integer.MAX_VALUE;
        }
        return upTo;
    }

    /** Next offset in {@code [from, limit)} holding a record with consistent size fields, or -1. */
    private static int nextCandidate(byte[] b, int from, int limit, int length) {
        for (int p = from; p + 28 <= limit; p++) {
            if (b[p] == 0x2a && b[p + 1] == 0x2a && b[p + 2] == 0 && b[p + 3] == 0) {
                long size = u32(b, p + 4);
                if (size >= 28 && p + size <= length && u32(b, p + (int) size - 4) == size) {
                    return p;
                }
            }
        }
        return -1;
    }

    private boolean checksumsOk(byte[] b, int length, int limit, int chunkIndex, long chunkOffset,
            Consumer<EvtxDamage> damage) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, 120);
        crc.update(b, 128, HEADER_SIZE - 128);
        long stored = u32(b, 124);
        if (crc.getValue() != stored) {
            damage.accept(new EvtxDamage(EvtxDamage.Kind.CHUNK_HEADER_CHECKSUM, chunkIndex, chunkOffset,
                    -1, fileName + ": chunk " + chunkIndex + " at offset " + chunkOffset
                            + " header CRC32 is " + Long.toHexString(crc.getValue()) + ", expected stored "
                            + Long.toHexString(stored) + "; chunk skipped"));
            return false;
        }
        crc.reset();
        crc.update(b, HEADER_SIZE, Math.max(0, limit - HEADER_SIZE));
        stored = u32(b, 52);
        if (crc.getValue() != stored) {
            damage.accept(new EvtxDamage(EvtxDamage.Kind.CHUNK_DATA_CHECKSUM, chunkIndex, chunkOffset,
                    -1, fileName + ": chunk " + chunkIndex + " at offset " + chunkOffset
                            + " record data CRC32 is " + Long.toHexString(crc.getValue())
                            + ", expected stored " + Long.toHexString(stored) + "; chunk skipped"));
            return false;
        }
        return true;
    }

    static boolean hasMagic(byte[] b) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
