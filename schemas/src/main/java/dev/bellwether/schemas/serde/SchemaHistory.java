package dev.bellwether.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The released versions of each record schema, kept as resources under {@code
 * dev/bellwether/schemas/history/<Record>/v<N>.avsc}. Readers register every version so that
 * messages written by older releases still decode; a build test keeps the current schema backward
 * compatible with all of them.
 */
public final class SchemaHistory {
  private static final String ROOT = "/dev/bellwether/schemas/history/";

  private SchemaHistory() {}

  /** Every released version of the record named {@code simpleName}, oldest first. */
  public static List<Schema> versions(String simpleName) {
    List<Schema> versions = new ArrayList<>();
    for (int v = 1; ; v++) {
      String path = ROOT + simpleName + "/v" + v + ".avsc";
      try (InputStream in = SchemaHistory.class.getResourceAsStream(path)) {
        if (in == null) {
          return List.copyOf(versions);
        }
        versions.add(new Schema.Parser().parse(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read schema history " + path, e);
      }
    }
  }
}
