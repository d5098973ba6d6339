package dev.bellwether.ingest;

/** The root of every exception the ingest module throws on purpose. */
public class IngestException extends RuntimeException {
  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
