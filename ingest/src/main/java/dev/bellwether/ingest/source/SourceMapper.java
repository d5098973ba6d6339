package dev.bellwether.ingest.source;

import dev.bellwether.schemas.avro.Source;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Converts between {@link SourceDefinition} and the Avro {@link Source} on the sources topic. */
public final class SourceMapper {
  private SourceMapper() {}

  public static Source toAvro(SourceDefinition definition) {
    return Source.newBuilder()
        .setId(definition.id())
        .setType(definition.type())
        .setName(definition.name())
        .setUrl(definition.url().toString())
        .setIntervalSeconds(definition.interval().toSeconds())
        .setAllowPrivate(definition.allowPrivate())
        .setAttributes(Map.of())
        .build();
  }

  /**
   * The definition a record describes.
   *
   * @throws IllegalArgumentException if the record is not a valid definition (unknown type, bad
   *     url, interval too short)
   */
  public static SourceDefinition fromAvro(Source source) {
    return new SourceDefinition(
        source.getId(),
        source.getType(),
        source.getName(),
        URI.create(source.getUrl()),
        Duration.ofSeconds(source.getIntervalSeconds()),
        source.getAllowPrivate());
  }
}
