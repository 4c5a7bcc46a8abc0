package dev.vigil.formats.evtx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Builds tiny EVTX files byte by byte for tests: a file header, chunks, records and BinXML
 * tokens, with chunk-relative offsets tracked the way a producer writes them.
 */
final class EvtxBytes {
    private EvtxBytes() {}

    /** A file header followed by the given 64 KiB chunks; the header claims {@code headerChunks}. */
    static byte[] file(int headerChunks, int flags, byte[]... chunks) {
        ByteBuffer b = ByteBuffer.allocate(4096 + chunks.length * 65536).order(ByteOrder.LITTLE_ENDIAN);
        b.put("ElfFile\0".getBytes(StandardCharsets.US_ASCII));
        b.putLong(8, 0).putLong(16, headerChunks - 1).putLong(24, 100).putInt(32, 128)
                .putShort(36, (short) 1).putShort(38, (short) 3).putShort(40, (short) 4096)
                .putShort(42, (short) headerChunks).putInt(120, flags);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, 120);
        b.putInt(124, (int) crc.getValue());
        for (int i = 0; i < chunks.length; i++) {
            System.arraycopy(chunks[i], 0, b.array(), 4096 + i * 65536, chunks[i].length);
        }
        return b.array();
    }

    /** Writes one chunk: records appended from offset 512, header and CRCs filled by finish(). */
    static final class Chunk {
        final ByteBuffer b = ByteBuffer.allocate(65536).order(ByteOrder.LITTLE_ENDIAN);
        private int recordStart;
        private long firstId = -1;
        private long lastId;
        private int lastRecord;

        Chunk() {
            b.put("ElfChnk\0".getBytes(StandardCharsets.US_ASCII));
            b.position(512);
        }

        int pos() {
            return b.position();
        }

        Chunk u8(int v) {
            b.put((byte) v);
            return this;
        }

        Chunk u16(int v) {
            b.putShort((short) v);
            return this;
        }

        Chunk u32(long v) {
            b.putInt((int) v);
            return this;
        }

        Chunk u64(long v) {
            b.putLong(v);
            return this;
        }

        Chunk bytes(byte[] v) {
            b.put(v);
            return this;
        }

        Chunk utf16(String s) {
            return bytes(s.getBytes(StandardCharsets.UTF_16LE));
        }

        /** Starts a record: signature, size (patched), id, written time. */
        Chunk beginRecord(long id) {
            recordStart = pos();
            if (firstId < 0) {
                firstId = id;
            }
            lastId = id;
            return u32(0x2a2a).u32(0).u64(id).u64(133_000_000_000_000_000L);
        }

        /** Ends a record: size copy and size patch. */
        Chunk endRecord() {
            int size = pos() + 4 - recordStart;
            u32(size);
            b.putInt(recordStart + 4, size);
            lastRecord = recordStart;
            return this;
        }

        /** An inline name at the current position. */
        Chunk name(String s) {
            u32(pos() + 4);
            return u32(0).u16(0).u16(s.length()).utf16(s).u16(0);
        }

        /** Element start with inline name; {@code dependencyId} as in template definitions. */
        Chunk open(String name, boolean attributes, boolean dependencyId) {
            u8(attributes ? 0x41 : 0x01);
            if (dependencyId) {
                u16(0xffff);
            }
            u32(0); // data size, not needed by readers that follow the tokens
            name(name);
            return attributes ? u32(0) : this;
        }

        Chunk attribute(String name) {
            return u8(0x06).name(name);
        }

        Chunk text(String s) {
            return u8(0x05).u8(0x01).u16(s.length()).utf16(s);
        }

        Chunk substitution(int index, int type, boolean optional) {
            return u8(optional ? 0x0e : 0x0d).u16(index).u8(type);
        }

        Chunk closeStart() {
            return u8(0x02);
        }

        Chunk closeEmpty() {
            return u8(0x03);
        }

        Chunk end() {
            return u8(0x04);
        }

        Chunk fragmentHeader() {
            return u8(0x0f).u8(1).u8(1).u8(0);
        }

        Chunk eof() {
            return u8(0x00);
        }

        /** Template instance with an inline definition; returns the definition offset via body. */
        int templateInline(Runnable body) {
            u8(0x0c).u8(1).u32(1);
            int def = pos() + 4;
            u32(def);
            u32(0).bytes(new byte[16]);
            int sizeAt = pos();
            u32(0);
            int bodyStart = pos();
            body.run();
            b.putInt(sizeAt, pos() - bodyStart);
            return def;
        }

        /** Template instance referring back to a definition at {@code def}. */
        Chunk templateRef(int def) {
            return u8(0x0c).u8(1).u32(1).u32(def);
        }

        /** Substitution values: each entry is {type, byte[] data}. */
        Chunk values(Object[]... values) {
            u32(values.length);
            for (Object[] v : values) {
                u16(((byte[]) v[1]).length).u8((Integer) v[0]).u8(0);
            }
            for (Object[] v : values) {
                bytes((byte[]) v[1]);
            }
            return this;
        }

        /** Fills header fields and CRCs; returns the 64 KiB chunk. */
        byte[] finish() {
            int free = pos();
            b.putLong(8, firstId).putLong(16, lastId).putLong(24, firstId).putLong(32, lastId)
                    .putInt(40, 128).putInt(44, lastRecord).putInt(48, free);
            CRC32 crc = new CRC32();
            crc.update(b.array(), 512, free - 512);
            b.putInt(52, (int) crc.getValue());
            crc.reset();
            crc.update(b.array(), 0, 120);
            crc.update(b.array(), 128, 384);
            b.putInt(124, (int) crc.getValue());
            return b.array().clone();
        }
    }

    static Object[] value(int type, byte[] data) {
        return new Object[] {type, data};
    }

    static byte[] utf16z(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }

    static byte[] le(long v, int width) {
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            out[i] = (byte) (v >>> (8 * i));
        }
        return out;
    }
}
