package dev.bellwether.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.avro.FeedItem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
  private final AvroSerde<FeedItem> serde = BellwetherSerdes.feedItem();

  @Test
  void roundTripsARecordWithSingleObjectEncoding() {
    FeedItem item = item();
    byte[] bytes = serde.serializer().serialize("t", item);

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(item);
  }

  @Test
  void keepsTombstonesNull() {
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void refusesBytesThatAreNotAvroWithAReason() {
    byte[] junk = "<rss>not avro</rss>".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserializer().deserialize("bellwether.discovered", junk))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not a readable FeedItem message on bellwether.discovered");
  }

  @Test
  void refusesARecordOfAnotherSchema() {
    DeadLetter letter =
        DeadLetter.newBuilder().setStage("s").setReason("r").setTime(Instant.EPOCH).build();
    byte[] bytes = BellwetherSerdes.deadLetter().serializer().serialize("t", letter);

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("FeedItem");
  }

  @Test
  void readsAMessageWrittenWithAnOlderReleasedSchema() throws Exception {
    Schema v1 = SchemaHistory.versions("FeedItem").get(0);
    Schema older = withoutField(v1, "attributes");
    GenericRecord old = new GenericData.Record(older);
    FeedItem item = item();
    for (Schema.Field f : older.getFields()) {
      old.put(f.name(), item.get(f.name()));
    }
    old.put("published", item.getPublished().toEpochMilli());
    old.put("discovered", item.getDiscovered().toEpochMilli());
    var out = new ByteArrayOutputStream();
    new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(old, out);

    byte[] bytes = out.toByteArray();

    assertThatThrownBy(() -> serde.deserialize("t", bytes))
        .as("a writer schema missing from the history is refused")
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("MissingSchema");
    AvroSerde<FeedItem> reader =
        new AvroSerde<>(FeedItem.class, FeedItem.getClassSchema(), List.of(older));
    FeedItem read = reader.deserialize("t", bytes);
    assertThat(read.getTitle()).isEqualTo(item.getTitle());
    assertThat(read.getAttributes()).as("filled from the reader's default").isEmpty();
  }

  private static Schema withoutField(Schema schema, String dropped) {
    List<Schema.Field> fields =
        schema.getFields().stream()
            .filter(f -> !f.name().equals(dropped))
            .map(f -> new Schema.Field(f, f.schema()))
            .toList();
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static FeedItem item() {
    return FeedItem.newBuilder()
        .setId("abc")
        .setSourceId("techwire")
        .setSourceType("rss")
        .setOutlet("TechWire")
        .setUrl("https://techwire.example/a")
        .setTitle("OpenAI raises $40 billion")
        .setSummary("At a $500 billion valuation.")
        .setPublished(Instant.parse("2026-11-25T10:00:00Z"))
        .setDiscovered(Instant.parse("2026-11-25T10:05:00Z"))
        .setAttributes(Map.of())
        .build();
  }
}
