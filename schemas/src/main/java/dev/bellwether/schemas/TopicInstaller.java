package dev.bellwether.schemas;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates Bellwether's topics with their explicit partitions and configs, leaving topics that
 * already exist as they are. Idempotent, so every role may call it at start-up.
 */
public final class TopicInstaller {
  private static final long TIMEOUT_SECONDS = 30;

  private TopicInstaller() {}

  /** Kafka could not be reached, or refused to create a topic. */
  public static final class TopicSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TopicSetupException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Creates the missing topics among {@code topics}.
   *
   * @return the names of the topics this call created
   */
  public static List<String> ensure(Admin admin, Collection<TopicSpec> topics) {
    try {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      List<NewTopic> missing =
          topics.stream()
              .filter(t -> !existing.contains(t.name()))
              .map(TopicInstaller::toNewTopic)
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      return missing.stream().map(NewTopic::name).toList();
    } catch (TimeoutException e) {
      throw new TopicSetupException(
          "cannot create Bellwether's topics: Kafka did not answer within "
              + TIMEOUT_SECONDS
              + " s (is it reachable?)",
          e);
    } catch (ExecutionException e) {
      throw new TopicSetupException(
          "cannot create Bellwether's topics (is Kafka reachable?): "
              + java.util.Objects.requireNonNullElse(e.getCause(), e).getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicSetupException("interrupted while creating topics", e);
    }
  }

  private static NewTopic toNewTopic(TopicSpec spec) {
    Optional<Short> replication =
        spec.replicationFactor() < 0 ? Optional.empty() : Optional.of(spec.replicationFactor());
    return new NewTopic(spec.name(), Optional.of(spec.partitions()), replication)
        .configs(spec.configs());
  }
}
