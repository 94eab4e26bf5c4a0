package dev.livelog.app;

import picocli.CommandLine;

/** The version printed by {@code livelog --version}, from the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Livelog.class.getPackage().getImplementationVersion();
    return new String[] {"livelog " + (v == null ? "development build" : v)};
  }
}
