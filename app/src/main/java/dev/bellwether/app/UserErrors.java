package dev.bellwether.app;

import dev.bellwether.app.ops.OpsHttpException;
import dev.bellwether.core.ConfigException;
import dev.bellwether.ingest.source.SourcesException;
import dev.bellwether.localkafka.LocalKafkaException;
import dev.bellwether.schemas.TopicInstaller;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns errors the user can fix into clear messages on stderr and exit code 2, without a stack
 * trace; anything else is a bug and keeps its stack trace.
 */
final class UserErrors implements IExecutionExceptionHandler {
  static final int USER_ERROR = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed)
      throws Exception {
    String message = message(e);
    if (message == null) {
      throw e;
    }
    cli.getErr().println("bellwether: " + message);
    cli.getErr().flush();
    return USER_ERROR;
  }

  private static @org.jspecify.annotations.Nullable String message(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.apache.kafka.common.errors.SslAuthenticationException) {
        return "the TLS handshake with the Kafka cluster failed ("
            + deepestMessage(cause)
            + "); check that ssl.truststore.* trusts the brokers' certificates and, where the"
            + " cluster asks for a client certificate, that ssl.keystore.* holds Bellwether's"
            + " (--kafka-config, BELLWETHER_KAFKA_*; docs/configuration.md)";
      } else if (cause instanceof org.apache.kafka.common.errors.AuthenticationException) {
        return "the Kafka cluster refused Bellwether's credentials ("
            + cause.getMessage()
            + "); check --kafka-config and the BELLWETHER_KAFKA_* settings"
            + " (docs/configuration.md)";
      } else if (cause instanceof org.apache.kafka.common.errors.AuthorizationException) {
        return "the Kafka cluster does not allow this ("
            + cause.getMessage()
            + "); the principal needs the ACLs listed in docs/operations.md";
      } else if (cause instanceof org.apache.kafka.common.config.ConfigException
          || cause instanceof org.apache.kafka.common.errors.InvalidConfigurationException) {
        String deepest = deepestMessage(cause);
        return "a Kafka client setting is wrong: "
            + cause.getMessage()
            + (cause.getMessage() != null && cause.getMessage().contains(deepest)
                ? ""
                : ": " + deepest)
            + " (check --kafka-config and the BELLWETHER_KAFKA_* settings)";
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    if (e instanceof UserError
        || e instanceof LocalKafkaException
        || e instanceof TopicInstaller.TopicSetupException
        || e instanceof OpsHttpException
        || e instanceof dev.bellwether.slackbot.SlackBotException) {
      return e.getMessage();
    } else if (e instanceof SourcesException s) {
      return "the sources file has problems:\n  " + String.join("\n  ", s.problems());
    } else if (e instanceof ConfigException c) {
      return "the configuration has problems:\n  " + String.join("\n  ", c.problems());
    }
    return null;
  }

  /** The message of the innermost cause (what TLS found wrong), cut to one short line. */
  private static String deepestMessage(Throwable error) {
    String message = error.getMessage();
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    String line = String.valueOf(message).replaceAll("\\s+", " ").strip();
    return line.length() <= 200 ? line : line.substring(0, 200) + "…";
  }
}
