package dev.vigil.core.engine.match;

import dev.vigil.core.engine.IpNetwork;
import dev.vigil.core.event.Field;

/** True when the field holds an address inside a network. */
public final class CidrTest extends FieldTest {

    private final IpNetwork network;

    public CidrTest(Field field, IpNetwork network) {
        super(field);
        this.network = network;
    }

    @Override
    protected boolean accept(String value) {
        return network.contains(value);
    }
}
