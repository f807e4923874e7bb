package dev.bulletproof.daemon.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest; "development build" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = BulletproofCli.class.getPackage().getImplementationVersion();
        return new String[] {"bulletproof " + (version == null ? "development build" : version)};
    }
}
