package dev.vigil.dialects.sigma.modifier;

import dev.vigil.core.ir.StringOp;

/** {@code contains}: a string contains the value anywhere. */
final class Contains extends Wrap {

    Contains() {
        super(true, true, StringOp.CONTAINS);
    }
}
