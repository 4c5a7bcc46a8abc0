package dev.vigil.formats.evtx;

import static dev.vigil.formats.evtx.LittleEndian.u16;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes array substitution values (type | 0x80) into one string per element. String arrays
 * are NUL-separated (a final NUL terminates rather than starts an element); SID arrays are
 * back-to-back variable-length SIDs; other types are fixed-width.
 */
final class ValueArrays {
    private ValueArrays() {}

    static String[] decode(byte[] b, int off, int size, int elementType, Charset ansi) {
        switch (elementType) {
            case EvtxValueType.STRING -> { return utf16Array(b, off, size); }
            case EvtxValueType.ANSI_STRING -> { return ansiArray(b, off, size, ansi); }
            case EvtxValueType.SID -> { return sidArray(b, off, size); }
            default -> {
                int width = ValueText.width(elementType, size);
                if (width == 0) {
                    // Binary and unknown element types have no element boundary: one element.
                    return size == 0 ? new String[0]
                            : new String[] {ValueText.scalar(b, off, size, elementType, ansi)};
                }
                String[] out = new String[size / width];
                for (int i = 0; i < out.length; i++) {
                    out[i] = ValueText.scalar(b, off + i * width, width, elementType, ansi);
                }
                return out;
            }
        }
    }

    private static String[] utf16Array(byte[] b, int off, int size) {
        List<String> out = new ArrayList<>();
        int end = off + (size & ~1);
        int start = off;
        for (int p = off; p < end; p += 2) {
            if (u16(b, p) == 0) {
                out.add(ValueText.utf16(b, start, p - start));
                start = p + 2;
            }
        }
        if (start < end) {
            out.add(ValueText.utf16(b, start, end - start));
        }
        return out.toArray(new String[0]);
    }

    private static String[] ansiArray(byte[] b, int off, int size, Charset cs) {
        List<String> out = new ArrayList<>();
        int end = off + size;
        int start = off;
        for (int p = off; p < end; p++) {
            if (b[p] == 0) {
                out.add(new String(b, start, p - start, cs));
                start = p + 1;
            }
        }
        if (start < end) {
            out.add(new String(b, start, end - start, cs));
        }
        return out.toArray(new String[0]);
    }

    private static String[] sidArray(byte[] b, int off, int size) {
        List<String> out = new ArrayList<>();
        int p = off;
        int end = off + size;
        while (p < end) {
            int len = ValueText.sidLength(b, p, end - p);
            if (len < 0) {
                out.add(ValueText.hex(b, p, end - p));
                break;
            }
            out.add(ValueText.sid(b, p, len));
            p += len;
        }
        return out.toArray(new String[0]);
    }
}
