package dev.bellwether.app.ops;

/** The ops HTTP server cannot start (the port is taken, say). */
public final class OpsHttpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OpsHttpException(String message) {
    super(message);
  }

  public OpsHttpException(String message, Throwable cause) {
    super(message, cause);
  }
}
