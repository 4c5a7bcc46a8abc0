package dev.vigil.dialects.sigma.modifier;

import dev.vigil.core.ir.StringOp;

/** {@code startswith}: the value starts the field. */
final class StartsWith extends Wrap {

    StartsWith() {
        super(false, true, StringOp.STARTS_WITH);
    }
}
