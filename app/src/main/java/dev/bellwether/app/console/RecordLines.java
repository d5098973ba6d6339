package dev.bellwether.app.console;

import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.json.JsonLines;
import org.apache.avro.generic.IndexedRecord;

/** Chooses how a record is shown: JSON for tools, or the most readable form for people. */
public final class RecordLines {
  private RecordLines() {}

  public static String format(IndexedRecord record, boolean json) {
    if (json) {
      return JsonLines.line(record);
    } else if (record instanceof Alert alert) {
      return AlertLines.format(alert);
    } else if (record instanceof DeadLetter letter) {
      return deadLetter(letter);
    }
    return JsonLines.line(record);
  }

  private static String deadLetter(DeadLetter letter) {
    StringBuilder line = new StringBuilder();
    line.append(letter.getTime()).append("  DLQ  ").append(letter.getStage()).append(": ");
    line.append(letter.getReason());
    if (letter.getSourceId() != null) {
      line.append("  [source ").append(letter.getSourceId()).append(']');
    }
    if (letter.getUrl() != null) {
      line.append("  ").append(letter.getUrl());
    }
    if (letter.getTopic() != null) {
      line.append("  [")
          .append(letter.getTopic())
          .append('-')
          .append(letter.getPartition())
          .append('@')
          .append(letter.getOffset())
          .append(']');
    }
    return line.toString();
  }
}
