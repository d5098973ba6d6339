package dev.bellwether.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes it does not trust. This adds Bellwether's generated
 * package, once, to whatever the JVM already trusts.
 */
final class TrustedPackages {
  static final String PACKAGE = "dev.bellwether.schemas.avro";
  private static boolean registered;

  private TrustedPackages() {}

  static synchronized void register() {
    if (registered) {
      return;
    }
    ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(
        ClassSecurityValidator.composite(
            previous, type -> type.getName().startsWith(PACKAGE + ".")));
    registered = true;
  }
}
