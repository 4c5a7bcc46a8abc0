package dev.vigil.formats.evtx;

import static dev.vigil.formats.evtx.LittleEndian.i32;
import static dev.vigil.formats.evtx.LittleEndian.i64;
import static dev.vigil.formats.evtx.LittleEndian.u16;
import static dev.vigil.formats.evtx.LittleEndian.u8;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Renders scalar substitution values to text (conventions in {@link EvtxText}).
 *
 * <p>Values shorter than their type's width are read as far as they go (zero-extended) rather
 * than rejected: producers write odd sizes (e.g. irregular booleans) and the declared size is
 * authoritative for where the next value starts.
 */
final class ValueText {
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
    /** Seconds between 1601-01-01 and 1970-01-01. */
    private static final long FILETIME_EPOCH_DELTA = 11_644_473_600L;

    private ValueText() {}

    /** Width in bytes of one element of a fixed-width type, or 0 for variable-width types. */
    static int width(int type, int totalSize) {
        switch (type) {
            case EvtxValueType.INT8, EvtxValueType.UINT8 -> { return 1; }
            case EvtxValueType.INT16, EvtxValueType.UINT16 -> { return 2; }
            case EvtxValueType.INT32, EvtxValueType.UINT32, EvtxValueType.REAL32, EvtxValueType.BOOL,
                    EvtxValueType.HEX_INT32 -> { return 4; }
            case EvtxValueType.INT64, EvtxValueType.UINT64, EvtxValueType.REAL64,
                    EvtxValueType.FILETIME, EvtxValueType.HEX_INT64 -> { return 8; }
            case EvtxValueType.GUID, EvtxValueType.SYSTEMTIME -> { return 16; }
            case EvtxValueType.SIZE_T, EvtxValueType.EVT_HANDLE -> {
                return totalSize % 8 == 0 && totalSize > 0 ? 8 : 4;
            }
            default -> { return 0; }
        }
    }

    /** Zero-extended little-endian unsigned read of up to 8 bytes. */
    static long unsigned(byte[] b, int off, int size) {
        if (size >= 8) {
            return i64(b, off);
        }
        if (size == 4) {
            return i32(b, off) & 0xffffffffL;
        }
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        return v;
    }

    /** Renders one scalar value of {@code type} stored at {@code b[off, off+size)}. */
    static String scalar(byte[] b, int off, int size, int type, Charset ansi) {
        switch (type) {
            case EvtxValueType.STRING, EvtxValueType.EVT_XML -> { return utf16(b, off, size); }
            case EvtxValueType.ANSI_STRING -> { return ansi(b, off, size, ansi); }
            case EvtxValueType.INT8 -> { return size < 1 ? "" : Integer.toString(b[off]); }
            case EvtxValueType.UINT8, EvtxValueType.UINT16, EvtxValueType.UINT32 ->
            { return Long.toString(unsigned(b, off, Math.min(size, width(type, size)))); }
            case EvtxValueType.INT16 -> { return size < 2 ? "" : Integer.toString((short) u16(b, off)); }
            case EvtxValueType.INT32 -> { return size < 4 ? "" : Integer.toString(i32(b, off)); }
            case EvtxValueType.INT64 -> { return size < 8 ? "" : Long.toString(i64(b, off)); }
            case EvtxValueType.UINT64 ->
            { return Long.toUnsignedString(unsigned(b, off, Math.min(size, 8))); }
            case EvtxValueType.REAL32 ->
            { return size < 4 ? "" : Float.toString(Float.intBitsToFloat(i32(b, off))); }
            case EvtxValueType.REAL64 ->
            { return size < 8 ? "" : Double.toString(Double.longBitsToDouble(i64(b, off))); }
            case EvtxValueType.BOOL -> { return unsigned(b, off, Math.min(size, 4)) != 0 ? "true" : "false"; }
            case EvtxValueType.BINARY -> { return hex(b, off, size); }
            case EvtxValueType.GUID -> { return size < 16 ? hex(b, off, size) : guid(b, off); }
            case EvtxValueType.SIZE_T, EvtxValueType.HEX_INT32, EvtxValueType.HEX_INT64,
                    EvtxValueType.EVT_HANDLE ->
            { return "0x" + Long.toHexString(unsigned(b, off, Math.min(size, width(type, size)))); }
            case EvtxValueType.FILETIME -> { return size < 8 ? "" : filetime(i64(b, off)); }
            case EvtxValueType.SYSTEMTIME -> { return size < 16 ? "" : systemtime(b, off); }
            case EvtxValueType.SID -> { return sid(b, off, size); }
            default -> { return hex(b, off, size); }
        }
    }

    /** UTF-16LE without the trailing NULs producers pad strings with. */
    static String utf16(byte[] b, int off, int size) {
        int end = off + (size & ~1);
        while (end - 2 >= off && b[end - 2] == 0 && b[end - 1] == 0) {
            end -= 2;
        }
        if (end == off) {
            return "";
        }
        // Copying code units is several times faster than the charset decoder; surrogates fall back to
        // the decoder so unpaired ones are still replaced exactly as before.
        char[] chars = new char[(end - off) >> 1];
        for (int i = 0, p = off; i < chars.length; i++, p += 2) {
            char c = (char) ((b[p] & 0xff) | (b[p + 1] & 0xff) << 8);
            if (c >= 0xD800 && c <= 0xDFFF) {
                return new String(b, off, end - off, StandardCharsets.UTF_16LE);
            }
            chars[i] = c;
        }
        return new String(chars);
    }

    static String ansi(byte[] b, int off, int size, Charset cs) {
        int end = off + size;
        while (end > off && b[end - 1] == 0) {
            end--;
        }
        return end == off ? "" : new String(b, off, end - off, cs);
    }

    static String hex(byte[] b, int off, int size) {
        char[] c = new char[size * 2];
        for (int i = 0; i < size; i++) {
            int v = b[off + i] & 0xff;
            c[2 * i] = HEX_UPPER[v >>> 4];
            c[2 * i + 1] = HEX_UPPER[v & 0xf];
        }
        return new String(c);
    }

    static String guid(byte[] b, int off) {
        StringBuilder sb = new StringBuilder(38).append('{');
        hexLe(sb, b, off, 4);
        sb.append('-');
        hexLe(sb, b, off + 4, 2);
        sb.append('-');
        hexLe(sb, b, off + 6, 2);
        sb.append('-');
        sb.append(hex(b, off + 8, 2)).append('-').append(hex(b, off + 10, 6));
        return sb.append('}').toString();
    }

    private static void hexLe(StringBuilder sb, byte[] b, int off, int n) {
        for (int i = n - 1; i >= 0; i--) {
            int v = b[off + i] & 0xff;
            sb.append(HEX_UPPER[v >>> 4]).append(HEX_UPPER[v & 0xf]);
        }
    }

    /** FILETIME (100 ns ticks since 1601, unsigned) as {@code yyyy-MM-ddTHH:mm:ss.fffffffZ}. */
    static String filetime(long ticks) {
        long seconds = Long.divideUnsigned(ticks, 10_000_000L) - FILETIME_EPOCH_DELTA;
        int fraction = (int) Long.remainderUnsigned(ticks, 10_000_000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(28);
        pad(sb, t.getYear(), 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2).append('.');
        return pad(sb, fraction, 7).append('Z').toString();
    }

    /** SYSTEMTIME: eight u16 (year, month, day-of-week, day, hour, minute, second, ms). */
    static String systemtime(byte[] b, int off) {
        StringBuilder sb = new StringBuilder(28);
        pad(sb, u16(b, off), 4).append('-');
        pad(sb, u16(b, off + 2), 2).append('-');
        pad(sb, u16(b, off + 6), 2).append('T');
        pad(sb, u16(b, off + 8), 2).append(':');
        pad(sb, u16(b, off + 10), 2).append(':');
        pad(sb, u16(b, off + 12), 2).append('.');
        return pad(sb, u16(b, off + 14), 3).append("0000Z").toString();
    }

    private static StringBuilder pad(StringBuilder sb, long v, int digits) {
        String s = Long.toString(v);
        for (int i = s.length(); i < digits; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    /** Byte length of the SID at {@code off}, or -1 if it does not fit in {@code avail}. */
    static int sidLength(byte[] b, int off, int avail) {
        if (avail < 8) {
            return -1;
        }
        int len = 8 + 4 * u8(b, off + 1);
        return len <= avail ? len : -1;
    }

    /** SID as {@code S-revision-authority-sub1-...}; malformed SIDs fall back to hex. */
    static String sid(byte[] b, int off, int size) {
        int len = sidLength(b, off, size);
        if (len < 0) {
            return hex(b, off, size);
        }
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = authority << 8 | (b[off + 2 + i] & 0xff);
        }
        StringBuilder sb = new StringBuilder(48).append("S-").append(u8(b, off)).append('-');
        if (authority >= 1L << 32) {
            sb.append("0x").append(Long.toHexString(authority).toUpperCase(java.util.Locale.ROOT));
        } else {
            sb.append(authority);
        }
        int count = u8(b, off + 1);
        for (int i = 0; i < count; i++) {
            sb.append('-').append(i32(b, off + 8 + 4 * i) & 0xffffffffL);
        }
        return sb.toString();
    }
}
