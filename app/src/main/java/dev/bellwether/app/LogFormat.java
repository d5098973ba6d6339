package dev.bellwether.app;

import dev.bellwether.app.config.ConfigKey;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The log layouts {@code logback.xml} offers through {@code BELLWETHER_LOG_FORMAT}: {@code text}
 * (the default, one readable line per event) or {@code json} (one JSON object per line, for log
 * shippers). Both go to stderr.
 */
final class LogFormat {
  static final String VARIABLE = ConfigKey.LOG_FORMAT.variable();
  static final List<String> FORMATS = List.of("text", "json");

  private LogFormat() {}

  /** Why {@code value} cannot be used, or empty when it is unset or one of {@link #FORMATS}. */
  static Optional<String> problem(@Nullable String value) {
    if (value == null || FORMATS.contains(value)) {
      return Optional.empty();
    }
    return Optional.of(
        VARIABLE + " is '" + value + "'; use one of " + String.join(", ", FORMATS) + ".");
  }
}
