package dev.vigil.formats.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The value renderings that take fast paths: each must equal the general rendering. */
class ValueTextTest {

    private static byte[] le16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    @Test
    void latin1TextKeepsEveryByteAndDropsTrailingNuls() {
        byte[] b = le16("C:\\Windows\\n\u00e9t.exe\0\0");
        assertEquals("C:\\Windows\\n\u00e9t.exe", ValueText.utf16(b, 0, b.length));
    }

    @Test
    void wideTextAfterLatin1PrefixIsDecodedWhole() {
        byte[] b = le16("abc\u4e2d\u6587");
        assertEquals("abc\u4e2d\u6587", ValueText.utf16(b, 0, b.length));
    }

    @Test
    void unpairedSurrogateIsReplacedAsTheCharsetDecoderDoes() {
        byte[] b = {'a', 0, 0x00, (byte) 0xD8, 'b', 0};
        assertEquals(new String(b, StandardCharsets.UTF_16LE), ValueText.utf16(b, 0, b.length));
    }

    @Test
    void longTextGrowsTheScratchBuffer() {
        String s = "x".repeat(5000) + "y";
        byte[] b = le16(s);
        assertEquals(s, ValueText.utf16(b, 0, b.length));
        assertEquals("ab", ValueText.utf16(le16("ab"), 0, 4));
    }

    @Test
    void guidIsUpperCaseWithBracesAndMixedEndianGroups() {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) (0xa0 + i);
        }
        assertEquals("{A3A2A1A0-A5A4-A7A6-A8A9-AAABACADAEAF}", ValueText.guid(b, 0));
    }

    @Test
    void filetimeHasSevenFractionDigits() {
        Instant t = Instant.parse("2019-03-05T08:07:06.1234567Z");
        long ticks = (t.getEpochSecond() + 11_644_473_600L) * 10_000_000L + t.getNano() / 100;
        assertEquals("2019-03-05T08:07:06.1234567Z", ValueText.filetime(ticks));
    }

    @Test
    void filetimeOfTheEpochAndOfTheLastTickKeepTheirYears() {
        assertEquals("1601-01-01T00:00:00.0000000Z", ValueText.filetime(0));
        assertEquals("30828-09-14T02:48:05.4775807Z", ValueText.filetime(Long.MAX_VALUE));
    }

    @Test
    void smallAndLargeNumbersRenderInDecimal() {
        byte[] b = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0};
        assertEquals("65535", ValueText.scalar(b, 0, 2, EvtxValueType.UINT16, StandardCharsets.US_ASCII));
        assertEquals("65535", ValueText.scalar(b, 0, 2, EvtxValueType.UINT16, StandardCharsets.US_ASCII));
        assertEquals("-1", ValueText.scalar(b, 0, 2, EvtxValueType.INT16, StandardCharsets.US_ASCII));
        assertEquals("4294967295", ValueText.scalar(b, 0, 4, EvtxValueType.UINT32, StandardCharsets.US_ASCII));
        byte[] max = {-1, -1, -1, -1, -1, -1, -1, -1};
        assertEquals("18446744073709551615",
                ValueText.scalar(max, 0, 8, EvtxValueType.UINT64, StandardCharsets.US_ASCII));
    }
}
