package dev.bellwether.app;

/** A problem the user can fix, reported as one clear sentence without a stack trace. */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message);
  }
}
