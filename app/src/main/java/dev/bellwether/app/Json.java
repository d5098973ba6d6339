package dev.bellwether.app;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the commands that read and write JSON lines (thread-safe). */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
