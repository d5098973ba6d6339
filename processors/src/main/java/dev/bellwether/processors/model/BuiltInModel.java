package dev.bellwether.processors.model;

import dev.bellwether.core.learn.EventModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The trained event model shipped with Bellwether, and models read from files. */
public final class BuiltInModel {
  /** Where the built-in model lives on the class path. */
  public static final String RESOURCE = "/dev/bellwether/processors/model/event-model.txt";

  private BuiltInModel() {}

  /** The built-in model, when this build ships one. */
  public static Optional<EventModel> load() {
    try (InputStream in = BuiltInModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(
          EventModel.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A model from a file written by {@code bellwether train}. */
  public static EventModel read(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return EventModel.read(r);
    }
  }
}
