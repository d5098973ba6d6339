package dev.bellwether.app;

import static dev.bellwether.app.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthCommandTest {
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private MockWebServer server;
  private volatile int readyStatus = 200;

  @BeforeEach
  void startRole() {
    server =
        CannedWeb.serve(
            request -> {
              String path = CannedWeb.path(request);
              asked.add(path);
              return CannedWeb.status(path.equals("/health/ready") ? readyStatus : 200);
            });
  }

  @AfterEach
  void stopRole() throws IOException {
    server.close();
  }

  private String port() {
    return Integer.toString(server.getPort());
  }

  @Test
  void healthyWhenTheRoleAnswersReady() {
    CliRun.Result result = run("health", "--http-port", port());

    assertThat(result.code()).isZero();
    assertThat(asked).containsExactly("/health/ready");
    assertThat(result.out()).startsWith("200 http://127.0.0.1:");
  }

  @Test
  void unhealthyWhenTheRoleIsNotReady() {
    readyStatus = 503;

    CliRun.Result result = run("health", "--http-port", port());

    assertThat(result.code()).isEqualTo(HealthCommand.UNHEALTHY);
    assertThat(result.out()).startsWith("503 ");
  }

  @Test
  void liveAsksTheLivenessPath() {
    readyStatus = 503;

    assertThat(run("health", "--live", "--http-port", port()).code()).isZero();
    assertThat(asked).containsExactly("/health/live");
  }

  @Test
  void aRoleListeningOnEveryAddressIsAskedOnLoopback() {
    assertThat(run("health", "--http-host", "0.0.0.0", "--http-port", port()).code()).isZero();
  }

  @Test
  void unhealthyInOneLineWhenNothingListens() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    CliRun.Result result =
        run("health", "--http-port", Integer.toString(closedPort), "--timeout", "2s");

    assertThat(result.code()).isEqualTo(HealthCommand.UNHEALTHY);
    assertThat(result.out())
        .startsWith("no answer from http://127.0.0.1:" + closedPort)
        .doesNotContain("null");
  }
}
