package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.SigmaValue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * {@code wide}/{@code utf16le}, {@code utf16be} and {@code utf16} (a byte-order mark, then little-endian, as
 * pySigma writes it): the value's UTF-16 bytes, meant to be followed by {@code base64}/{@code base64offset}.
 */
final class Utf16 extends Encoding {

    private final Charset charset;
    private final boolean bom;

    Utf16(Charset charset, boolean bom) {
        this.charset = charset;
        this.bom = bom;
    }

    static Utf16 littleEndian() {
        return new Utf16(StandardCharsets.UTF_16LE, false);
    }

    static Utf16 bigEndian() {
        return new Utf16(StandardCharsets.UTF_16BE, false);
    }

    static Utf16 withByteOrderMark() {
        return new Utf16(StandardCharsets.UTF_16LE, true);
    }

    @Override
    SigmaValue encode(String text, boolean bytes) {
        String t = bytes ? new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : text;
        return ofBytes((bom ? "\uFEFF" + t : t).getBytes(charset));
    }
}
