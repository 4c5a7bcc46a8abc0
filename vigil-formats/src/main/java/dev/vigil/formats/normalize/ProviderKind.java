package dev.vigil.formats.normalize;

import java.util.function.Supplier;

/** The registry of provider normalizers, most specific first; {@code PASSTHROUGH} accepts everything. */
public enum ProviderKind {
    SYSMON(SysmonNormalizer::new),
    SECURITY(SecurityNormalizer::new),
    PASSTHROUGH(PassthroughNormalizer::new);

    private final Supplier<ProviderNormalizer> factory;

    ProviderKind(Supplier<ProviderNormalizer> factory) {
        this.factory = factory;
    }

    public ProviderNormalizer create() {
        return factory.get();
    }
}
