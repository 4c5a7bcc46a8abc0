package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.SigmaString;
import dev.vigil.dialects.sigma.SigmaValue;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code base64offset}: the three Base64 renderings of the value at byte offsets 0, 1 and 2 inside a
 * longer encoded text, OR-linked. Offset {@code i} encodes {@code i} filler bytes then the value, and
 * keeps only the characters that do not depend on the filler or on what follows: it drops
 * {@code (0, 2, 3)[i]} leading characters and {@code (0, 3, 2)[(len + i) % 3]} trailing ones.
 * {@code delete} gives {@code ZGVsZXRl}, {@code RlbGV0Z}, {@code kZWxldG}.
 */
final class Base64Offset extends Encoding {

    private static final int[] START = {0, 2, 3};
    private static final int[] END_CUT = {0, 3, 2};

    @Override
    SigmaValue encode(String text, boolean bytes) {
        byte[] value = bytesOf(text, bytes);
        List<SigmaValue> alts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] shifted = new byte[value.length + i];
            for (int k = 0; k < i; k++) {
                shifted[k] = ' ';
            }
            System.arraycopy(value, 0, shifted, i, value.length);
            String enc = java.util.Base64.getEncoder().encodeToString(shifted);
            int end = enc.length() - END_CUT[(value.length + i) % 3];
            int start = START[i];
            alts.add(SigmaString.literal(start < end ? enc.substring(start, end) : ""));
        }
        return new SigmaValue.Expansion(alts);
    }
}
