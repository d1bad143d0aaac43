package dev.concertina.cli;

import picocli.CommandLine.IVersionProvider;

/** The tool's own version, from the jar manifest ({@code concertina --version}). */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Concertina.class.getPackage().getImplementationVersion();
        return new String[] {"concertina " + (v == null ? "(development build)" : v)};
    }
}
