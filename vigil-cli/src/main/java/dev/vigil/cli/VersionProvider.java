package dev.vigil.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Vigil.class.getPackage().getImplementationVersion();
        return new String[] {"vigil " + (v == null ? "development build" : v)};
    }
}
