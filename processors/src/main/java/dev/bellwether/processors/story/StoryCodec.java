package dev.bellwether.processors.story;

import dev.bellwether.core.story.FactReading;
import dev.bellwether.core.story.Fingerprint;
import dev.bellwether.core.story.Source;
import dev.bellwether.core.story.Story;
import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;

/**
 * One tracked story as the {@code stories} store keeps it (format 2): a format byte, then the
 * fields in a fixed order, strings as UTF-8 with their length, times as epoch milliseconds.
 *
 * <p>Binary rather than JSON because the story processor writes a story on every event it adds:
 * format 1 (JSON of a key's whole shelf, {@link StoryShelfSerde}) spent a third of the stream
 * thread's time in Jackson under load. The store is the processors' own, so this is not an Avro
 * contract; the format byte lets later code read what this writes.
 */
final class StoryCodec {
  /** The first byte of every value this codec writes; JSON (format 1) starts with '{'. */
  static final byte FORMAT = 2;

  private StoryCodec() {}

  static byte[] encode(TrackedStory tracked) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1536);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      writeString(out, tracked.headline());
      writeString(out, tracked.summary());
      writeNullable(out, tracked.ruleId());
      out.writeInt(tracked.ruleVersion());
      out.writeInt(tracked.alerts());
      Story s = tracked.story();
      writeString(out, s.id());
      writeString(out, s.type().name());
      writeString(out, s.status().name());
      out.writeBoolean(s.ended());
      out.writeBoolean(s.relaxed());
      out.writeLong(s.firstSeen().toEpochMilli());
      out.writeLong(s.lastUpdated().toEpochMilli());
      writeStrings(out, s.companies());
      out.writeInt(s.sources().size());
      for (Source src : s.sources()) {
        writeString(out, src.outlet());
        writeString(out, src.url());
        out.writeLong(src.published().toEpochMilli());
      }
      out.writeInt(s.readings().size());
      for (Map.Entry<String, List<FactReading>> fact : s.readings().entrySet()) {
        writeString(out, fact.getKey());
        out.writeInt(fact.getValue().size());
        for (FactReading r : fact.getValue()) {
          writeString(out, r.value());
          out.writeLong(r.sources());
          out.writeLong(r.firstSeen().toEpochMilli());
        }
      }
      out.writeInt(s.lists().size());
      for (Map.Entry<String, List<String>> fact : s.lists().entrySet()) {
        writeString(out, fact.getKey());
        writeStrings(out, fact.getValue());
      }
      out.writeInt(s.fingerprints().size());
      for (Fingerprint f : s.fingerprints()) {
        int[] values = f.toArray();
        out.writeInt(values.length);
        for (int v : values) {
          out.writeInt(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The story {@link #encode} wrote.
   *
   * @throws SerializationException when the bytes are not a format-2 story
   */
  static TrackedStory decode(byte[] data) {
    if (data.length == 0 || data[0] != FORMAT) {
      throw new SerializationException(
          "not a format-"
              + FORMAT
              + " story (first byte "
              + (data.length == 0 ? "none" : data[0])
              + ")");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length))) {
      String headline = readString(in);
      String summary = readString(in);
      String ruleId = readNullable(in);
      int ruleVersion = in.readInt();
      int alerts = in.readInt();
      String id = readString(in);
      EventType type = EventType.valueOf(readString(in));
      EventStatus status = EventStatus.valueOf(readString(in));
      boolean ended = in.readBoolean();
      boolean relaxed = in.readBoolean();
      Instant firstSeen = Instant.ofEpochMilli(in.readLong());
      Instant lastUpdated = Instant.ofEpochMilli(in.readLong());
      List<String> companies = readStrings(in);
      int sourceCount = count(in);
      List<Source> sources = new ArrayList<>(sourceCount);
      for (int i = 0; i < sourceCount; i++) {
        sources.add(
            new Source(readString(in), readString(in), Instant.ofEpochMilli(in.readLong())));
      }
      int readingFacts = count(in);
      Map<String, List<FactReading>> readings = new LinkedHashMap<>();
      for (int i = 0; i < readingFacts; i++) {
        String fact = readString(in);
        int n = count(in);
        List<FactReading> values = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
          values.add(
              new FactReading(readString(in), in.readLong(), Instant.ofEpochMilli(in.readLong())));
        }
        readings.put(fact, values);
      }
      int listFacts = count(in);
      Map<String, List<String>> lists = new LinkedHashMap<>();
      for (int i = 0; i < listFacts; i++) {
        lists.put(readString(in), readStrings(in));
      }
      int printCount = count(in);
      List<Fingerprint> prints = new ArrayList<>(printCount);
      for (int i = 0; i < printCount; i++) {
        int[] values = new int[count(in)];
        for (int j = 0; j < values.length; j++) {
          values[j] = in.readInt();
        }
        prints.add(Fingerprint.fromArray(values));
      }
      if (in.available() > 0) {
        throw new SerializationException(in.available() + " bytes after a stored story");
      }
      Story story =
          new Story(
              id,
              type,
              companies,
              status,
              ended,
              relaxed,
              firstSeen,
              lastUpdated,
              sources,
              readings,
              lists,
              prints);
      return new TrackedStory(story, headline, summary, ruleId, ruleVersion, alerts);
    } catch (IOException | RuntimeException e) {
      if (e instanceof SerializationException s) {
        throw s;
      }
      throw new SerializationException("unreadable stored story: " + e.getMessage(), e);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static void writeNullable(DataOutputStream out, @Nullable String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      writeString(out, s);
    }
  }

  private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      writeString(out, v);
    }
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] utf8 = new byte[count(in)];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private static @Nullable String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? readString(in) : null;
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int n = count(in);
    List<String> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(readString(in));
    }
    return values;
  }

  /** A length or count, refused when negative or longer than the bytes that could hold it. */
  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new SerializationException("a stored story claims " + n + " items or bytes");
    }
    return n;
  }
}
