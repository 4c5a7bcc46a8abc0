package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.SigmaString;
import dev.vigil.dialects.sigma.SigmaValue;

/** {@code base64}: the value's Base64 encoding (of its UTF-8 bytes, or of the bytes a UTF-16 modifier produced). */
final class Base64 extends Encoding {

    @Override
    SigmaValue encode(String text, boolean bytes) {
        return SigmaString.literal(java.util.Base64.getEncoder().encodeToString(bytesOf(text, bytes)));
    }
}
