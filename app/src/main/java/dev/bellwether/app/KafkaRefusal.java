package dev.bellwether.app;

import dev.bellwether.schemas.KafkaConnection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * A role that only reads (the dashboard) would otherwise retry a refused login for as long as it
 * runs: this asks the cluster once at start and ends the command with the refusal (a wrong
 * password, a missing ACL). A cluster that does not answer yet is not a refusal: the role waits for
 * it as before.
 */
final class KafkaRefusal {
  private KafkaRefusal() {}

  /**
   * @throws AuthenticationException or {@link AuthorizationException} when the cluster refuses
   */
  static void failFast(KafkaConnection kafka) {
    try (Admin admin =
        Admin.create(
            kafka.config(
                Map.of(
                    AdminClientConfig.CLIENT_ID_CONFIG, "bellwether-login-check",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000)))) {
      admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthenticationException a) {
        throw a;
      } else if (e.getCause() instanceof AuthorizationException a) {
        throw a;
      }
    } catch (TimeoutException e) {
      // not answering yet: the role reports not ready until it does
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
