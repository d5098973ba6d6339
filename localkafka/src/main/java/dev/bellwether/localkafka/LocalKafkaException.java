package dev.bellwether.localkafka;

/** The embedded broker could not be started. */
public final class LocalKafkaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LocalKafkaException(String message) {
    super(message);
  }

  public LocalKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
