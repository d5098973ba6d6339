package dev.bellwether.ingest.source;

import dev.bellwether.schemas.avro.Source;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Converts between {@link SourceDefinition} and the Avro {@link Source} on the sources topic. */
public final class SourceMapper {
  private static final String OPTION = "option.";
  private static final String MIN_INTERVAL = "min-interval-seconds";
  private static final String MAX_INTERVAL = "max-interval-seconds";

  private SourceMapper() {}

  public static Source toAvro(SourceDefinition definition) {
    return Source.newBuilder()
        .setId(definition.id())
        .setType(definition.type())
        .setName(definition.name())
        .setUrl(definition.url().toString())
        .setIntervalSeconds(definition.interval().toSeconds())
        .setAllowPrivate(definition.allowPrivate())
        .setAttributes(attributes(definition))
        .build();
  }

  private static Map<String, String> attributes(SourceDefinition definition) {
    Map<String, String> attributes = new HashMap<>();
    definition.options().forEach((k, v) -> attributes.put(OPTION + k, v));
    attributes.put(MIN_INTERVAL, Long.toString(definition.minInterval().toSeconds()));
    attributes.put(MAX_INTERVAL, Long.toString(definition.maxInterval().toSeconds()));
    return attributes;
  }

  /**
   * The definition a record describes.
   *
   * @throws IllegalArgumentException if the record is not a valid definition (unknown type, bad
   *     url, interval too short)
   */
  public static SourceDefinition fromAvro(Source source) {
    Duration interval = Duration.ofSeconds(source.getIntervalSeconds());
    Map<String, String> attributes = source.getAttributes();
    Map<String, String> options = new HashMap<>();
    attributes.forEach(
        (k, v) -> {
          if (k.startsWith(OPTION)) {
            options.put(k.substring(OPTION.length()), v);
          }
        });
    return new SourceDefinition(
        source.getId(),
        source.getType(),
        source.getName(),
        URI.create(source.getUrl()),
        interval,
        source.getAllowPrivate(),
        seconds(attributes.get(MIN_INTERVAL), SourceDefinition.defaultMinInterval(interval)),
        seconds(attributes.get(MAX_INTERVAL), SourceDefinition.defaultMaxInterval(interval)),
        options);
  }

  private static Duration seconds(@Nullable String value, Duration otherwise) {
    try {
      return value == null ? otherwise : Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad interval bound '" + value + "'", e);
    }
  }
}
