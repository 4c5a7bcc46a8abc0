package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;
import dev.vigil.dialects.sigma.SigmaString;
import dev.vigil.dialects.sigma.SigmaValue;

import java.nio.charset.StandardCharsets;

/**
 * Shared by the modifiers that re-encode a plain string ({@code base64}, {@code wide}, ...). They reject
 * wildcards, as pySigma does: an encoded wildcard would no longer be one.
 */
abstract class Encoding implements Modifier {

    @Override
    public final void apply(DetectionItem item, ModifierUse use) throws SigmaRuleException {
        item.mapValues((v, span) -> {
            SigmaString s;
            if (v instanceof SigmaString str) {
                s = str;
            } else if (v instanceof SigmaValue.Number n) {
                s = SigmaString.literal(n.text());
            } else {
                throw use.wrongValue(v, "a string");
            }
            if (s.hasWildcards() || s.hasPlaceholders()) {
                throw use.error("sigma/bad-modifier-value", "'" + use.name() + "' cannot encode the wildcard in '"
                        + s.plain() + "'", "put 'contains'/'startswith'/'endswith' after '" + use.name()
                        + "' instead of writing '*'");
            }
            return encode(s.plain(), s.bytes());
        });
    }

    abstract SigmaValue encode(String text, boolean bytes);

    /** The bytes a string stands for: UTF-8 text, or one byte per character after a UTF-16 modifier. */
    static byte[] bytesOf(String text, boolean bytes) {
        return bytes ? text.getBytes(StandardCharsets.ISO_8859_1) : text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes held one per character, the form the UTF-16 modifiers produce. */
    static SigmaString ofBytes(byte[] b) {
        return new SigmaString(java.util.List.of(new String(b, StandardCharsets.ISO_8859_1)), true);
    }
}
