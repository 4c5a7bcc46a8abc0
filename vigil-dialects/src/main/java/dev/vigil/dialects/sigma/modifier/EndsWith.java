package dev.vigil.dialects.sigma.modifier;

import dev.vigil.core.ir.StringOp;

/** {@code endswith}: the value ends the field. */
final class EndsWith extends Wrap {

    EndsWith() {
        super(true, false, StringOp.ENDS_WITH);
    }
}
