package dev.bellwether.schemas.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.jspecify.annotations.Nullable;

/**
 * Writes any Bellwether record as one line of plain JSON for people and {@code jq}: unions
 * unwrapped, times as ISO-8601 strings, bytes as base64, enums as their names.
 */
public final class JsonLines {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonLines() {}

  public static String line(IndexedRecord record) {
    try {
      return MAPPER.writeValueAsString(toJson(record));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + record.getSchema().getName(), e);
    }
  }

  public static ObjectNode toJson(IndexedRecord record) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      node.set(field.name(), value(record.get(field.pos())));
    }
    return node;
  }

  private static JsonNode value(@Nullable Object value) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof IndexedRecord r) {
      return toJson(r);
    } else if (value instanceof Collection<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(v -> array.add(value(v)));
      return array;
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), value(v)));
      return object;
    }
    return scalar(value);
  }

  private static JsonNode scalar(Object value) {
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof Integer i) {
      return NODES.numberNode(i);
    } else if (value instanceof Long l) {
      return NODES.numberNode(l);
    } else if (value instanceof Double d) {
      return NODES.numberNode(d);
    } else if (value instanceof Float f) {
      return NODES.numberNode(f);
    } else if (value instanceof ByteBuffer bytes) {
      ByteBuffer copy = bytes.duplicate();
      byte[] raw = new byte[copy.remaining()];
      copy.get(raw);
      return NODES.textNode(Base64.getEncoder().encodeToString(raw));
    } else if (value instanceof Instant instant) {
      return NODES.textNode(instant.toString());
    }
    return NODES.textNode(value.toString());
  }
}
