package dev.bellwether.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Serde for one generated Avro record type using Avro's single-object encoding: a two-byte marker,
 * the writer schema's 64-bit fingerprint, then the binary body. The reader knows every released
 * version of the schema (see {@link SchemaHistory}) and resolves older writers to the current
 * reader schema. Bytes that are not such a message raise {@link SerializationException} with a
 * reason, which Kafka Streams routes to the dead-letter topic.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final String typeName;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  AvroSerde(Class<T> type, Schema schema) {
    this(type, schema, SchemaHistory.versions(schema.getName()));
  }

  AvroSerde(Class<T> type, Schema schema, List<Schema> writerSchemas) {
    TrustedPackages.register();
    SpecificData model = SpecificData.getForClass(type);
    this.typeName = schema.getName();
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.decoder = new BinaryMessageDecoder<>(model, schema);
    for (Schema old : writerSchemas) {
      decoder.addSchema(old);
    }
  }

  /** The record name this serde reads and writes, such as {@code Alert}. */
  public String typeName() {
    return typeName;
  }

  /** Encodes {@code value}; {@code null} stays {@code null} (a tombstone). */
  public byte @Nullable [] serialize(String topic, @Nullable T value) {
    if (value == null) {
      return null;
    }
    try {
      ByteBuffer buffer = encoder.encode(value);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | AvroRuntimeException e) {
      throw new SerializationException("cannot encode " + typeName + ": " + e.getMessage(), e);
    }
  }

  /** Decodes a message written with any released version of the schema. */
  public @Nullable T deserialize(String topic, byte @Nullable [] data) {
    if (data == null) {
      return null;
    }
    try {
      return decoder.decode(data);
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
      throw new SerializationException(
          "not a readable " + typeName + " message on " + topic + ": " + describe(e), e);
    }
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public Serializer<T> serializer() {
    return this::serialize;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this::deserialize;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}
