package dev.vigil.dialects.sigma.modifier;

import dev.vigil.dialects.sigma.DetectionItem;
import dev.vigil.dialects.sigma.SigmaRuleException;
import dev.vigil.dialects.sigma.SigmaValue;

/**
 * The Sigma 2.1 date-part modifiers {@code minute hour day month year}: compare one part of a timestamp
 * field with a number. The specification does no time-zone or format conversion, and neither does Vigil:
 * the part is read from the field's ISO-8601-style text ({@code 2024-05-01 13:45:00.123}, {@code ...T...Z}).
 * {@code week} needs calendar arithmetic on the date and is reported as unsupported.
 */
final class DatePart implements Modifier {

    private final String part;

    DatePart(String part) {
        this.part = part;
    }

    @Override
    public void apply(DetectionItem item, ModifierUse use) throws SigmaRuleException {
        if (part.equals("week")) {
            throw use.error("sigma/unsupported-modifier", "the 'week' date-part modifier is not supported in '"
                    + use.quote() + "'", "compare 'day' or 'month' instead");
        }
        item.mapValues((v, span) -> {
            if (!(v instanceof SigmaValue.Number n) || n.value() != Math.rint(n.value()) || n.value() < 0) {
                throw use.wrongValue(v, "a whole number");
            }
            return new SigmaValue.TimePart(part, (int) n.value());
        });
    }
}
