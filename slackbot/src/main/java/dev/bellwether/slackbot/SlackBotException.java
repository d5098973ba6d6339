package dev.bellwether.slackbot;

/** The root of the Slack bot's unchecked exceptions. Messages never carry the token. */
public class SlackBotException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SlackBotException(String message) {
    super(message);
  }

  public SlackBotException(String message, Throwable cause) {
    super(message, cause);
  }
}
