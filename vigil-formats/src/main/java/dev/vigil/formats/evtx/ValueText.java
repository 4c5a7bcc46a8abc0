package dev.vigil.formats.evtx;

import static dev.vigil.formats.evtx.LittleEndian.i32;
import static dev.vigil.formats.evtx.LittleEndian.i64;
import static dev.vigil.formats.evtx.LittleEndian.u16;
import static dev.vigil.formats.evtx.LittleEndian.u8;

import dev.vigil.formats.IsoUtc;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

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

    /** Per-thread buffer for {@link #utf16}; chunks decode on several threads at once. */
    private static final ThreadLocal<byte[]> LATIN1_SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);
    /**
     * Decimal text of small unsigned values (event ids, levels, process and thread ids), filled on
     * first use; a racy fill is harmless since Strings are immutable and any copy is equal.
     */
    private static final String[] SMALL_DECIMAL = new String[1 << 16];

    private ValueText() {}

    static String decimal(long v) {
        if (v >= 0 && v < SMALL_DECIMAL.length) {
            String s = SMALL_DECIMAL[(int) v];
            if (s == null) {
                s = Long.toString(v);
                SMALL_DECIMAL[(int) v] = s;
            }
            return s;
        }
        return Long.toString(v);
    }

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
            { return decimal(unsigned(b, off, Math.min(size, width(type, size)))); }
            case EvtxValueType.INT16 -> { return size < 2 ? "" : decimal((short) u16(b, off)); }
            case EvtxValueType.INT32 -> { return size < 4 ? "" : decimal(i32(b, off)); }
            case EvtxValueType.INT64 -> { return size < 8 ? "" : decimal(i64(b, off)); }
            case EvtxValueType.UINT64 -> {
                long v = unsigned(b, off, Math.min(size, 8));
                return v >= 0 ? decimal(v) : Long.toUnsignedString(v);
            }
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
        int n = (end - off) >> 1;
        // Nearly all event text is Latin-1: its low bytes gathered into a reused buffer become the
        // String's own bytes in one copy, with no char[] to allocate and compress.
        byte[] latin = LATIN1_SCRATCH.get();
        if (latin.length < n) {
            latin = new byte[Math.max(n, latin.length * 2)];
            LATIN1_SCRATCH.set(latin);
        }
        for (int i = 0, p = off; i < n; i++, p += 2) {
            if (b[p + 1] != 0) {
                return utf16Wide(b, off, end);
            }
            latin[i] = b[p];
        }
        return new String(latin, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static String utf16Wide(byte[] b, int off, int end) {
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
        byte[] t = new byte[38];
        t[0] = '{';
        int p = hexLe(t, 1, b, off, 4);
        t[p++] = '-';
        p = hexLe(t, p, b, off + 4, 2);
        t[p++] = '-';
        p = hexLe(t, p, b, off + 6, 2);
        t[p++] = '-';
        p = hexBe(t, p, b, off + 8, 2);
        t[p++] = '-';
        p = hexBe(t, p, b, off + 10, 6);
        t[p] = '}';
        return new String(t, StandardCharsets.ISO_8859_1);
    }

    private static int hexLe(byte[] t, int p, byte[] b, int off, int n) {
        for (int i = n - 1; i >= 0; i--) {
            int v = b[off + i] & 0xff;
            t[p++] = (byte) HEX_UPPER[v >>> 4];
            t[p++] = (byte) HEX_UPPER[v & 0xf];
        }
        return p;
    }

    private static int hexBe(byte[] t, int p, byte[] b, int off, int n) {
        for (int i = 0; i < n; i++) {
            int v = b[off + i] & 0xff;
            t[p++] = (byte) HEX_UPPER[v >>> 4];
            t[p++] = (byte) HEX_UPPER[v & 0xf];
        }
        return p;
    }

    /** FILETIME (100 ns ticks since 1601, unsigned) as {@code yyyy-MM-ddTHH:mm:ss.fffffffZ}. */
    static String filetime(long ticks) {
        long seconds = Long.divideUnsigned(ticks, 10_000_000L) - FILETIME_EPOCH_DELTA;
        int fraction = (int) Long.remainderUnsigned(ticks, 10_000_000L);
        String text = IsoUtc.text(seconds, fraction, 7);
        if (text != null) {
            return text;
        }
        // Five-digit years (FILETIME reaches 30828) do not fit the fixed layout.
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(days);
        return date.getYear() + "-" + pad(date.getMonthValue(), 2) + "-" + pad(date.getDayOfMonth(), 2)
                + "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":"
                + pad(secondOfDay % 60, 2) + "." + pad(fraction, 7) + "Z";
    }

    /** SYSTEMTIME: eight u16 (year, month, day-of-week, day, hour, minute, second, ms). */
    static String systemtime(byte[] b, int off) {
        StringBuilder sb = new StringBuilder(28);
        sb.append(pad(u16(b, off), 4)).append('-');
        sb.append(pad(u16(b, off + 2), 2)).append('-');
        sb.append(pad(u16(b, off + 6), 2)).append('T');
        sb.append(pad(u16(b, off + 8), 2)).append(':');
        sb.append(pad(u16(b, off + 10), 2)).append(':');
        sb.append(pad(u16(b, off + 12), 2)).append('.');
        return sb.append(pad(u16(b, off + 14), 3)).append("0000Z").toString();
    }

    /** {@code v} in decimal, left-padded with zeros to {@code digits}; longer values are kept whole. */
    private static String pad(long v, int digits) {
        String s = Long.toString(v);
        return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
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
