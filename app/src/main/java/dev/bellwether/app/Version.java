package dev.bellwether.app;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar's manifest. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Bellwether.class.getPackage().getImplementationVersion();
    return new String[] {"bellwether " + (version == null ? "(development build)" : version)};
  }
}
