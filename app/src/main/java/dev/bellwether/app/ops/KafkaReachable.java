package dev.bellwether.app.ops;

import dev.bellwether.schemas.KafkaConnection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Ready while the Kafka cluster answers a describe-cluster request within {@link #TIMEOUT}. */
public final class KafkaReachable implements ReadinessCheck, AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Admin admin;

  public KafkaReachable(KafkaConnection kafka) {
    this.admin =
        Admin.create(
            kafka.config(
                Map.of(
                    AdminClientConfig.CLIENT_ID_CONFIG,
                    "bellwether-readiness",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    (int) TIMEOUT.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    (int) TIMEOUT.toMillis())));
  }

  @Override
  public Optional<String> problem() {
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .clusterId()
          .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while asking Kafka");
    } catch (ExecutionException | TimeoutException e) {
      return Optional.of("Kafka does not answer within " + TIMEOUT.toSeconds() + " s");
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
