package dev.vigil.formats.evtx;

/** Unchecked little-endian reads; callers check bounds first. */
final class LittleEndian {
    private LittleEndian() {}

    static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    static int i32(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | b[off + 3] << 24;
    }

    static long u32(byte[] b, int off) {
        return i32(b, off) & 0xffffffffL;
    }

    static long i64(byte[] b, int off) {
        return (i32(b, off) & 0xffffffffL) | ((long) i32(b, off + 4)) << 32;
    }
}
