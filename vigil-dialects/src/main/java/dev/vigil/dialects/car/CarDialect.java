package dev.vigil.dialects.car;

import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.dialects.Dialect;

import java.util.List;

/** MITRE CAR pseudocode, run as written; see {@link CarParser} for the grammar and semantics. */
public final class CarDialect implements Dialect {

    @Override
    public String key() {
        return "car";
    }

    @Override
    public List<Query> compile(Implementation implementation, Diagnostics diagnostics) {
        return new CarParser(implementation, diagnostics).parse();
    }
}
