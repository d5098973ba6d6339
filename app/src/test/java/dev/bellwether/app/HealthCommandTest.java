package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HealthCommandTest {
  private final StringWriter out = new StringWriter();
  private final List<String> asked = new ArrayList<>();
  private HttpServer server;
  private int readyStatus = 200;

  @BeforeEach
  void startRole() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          asked.add(path);
          int status = path.equals("/health/ready") ? readyStatus : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopRole() {
    server.stop(0);
  }

  private int execute(String... args) {
    CommandLine cli = Bellwether.commandLine();
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  private String port() {
    return Integer.toString(server.getAddress().getPort());
  }

  @Test
  void healthyWhenTheRoleAnswersReady() {
    assertThat(execute("health", "--http-port", port())).isZero();
    assertThat(asked).containsExactly("/health/ready");
    assertThat(out.toString()).startsWith("200 http://127.0.0.1:");
  }

  @Test
  void unhealthyWhenTheRoleIsNotReady() {
    readyStatus = 503;

    assertThat(execute("health", "--http-port", port())).isEqualTo(HealthCommand.UNHEALTHY);
    assertThat(out.toString()).startsWith("503 ");
  }

  @Test
  void liveAsksTheLivenessPath() {
    readyStatus = 503;

    assertThat(execute("health", "--live", "--http-port", port())).isZero();
    assertThat(asked).containsExactly("/health/live");
  }

  @Test
  void aRoleListeningOnEveryAddressIsAskedOnLoopback() {
    assertThat(execute("health", "--http-host", "0.0.0.0", "--http-port", port())).isZero();
  }

  @Test
  void unhealthyInOneLineWhenNothingListens() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    int code = execute("health", "--http-port", Integer.toString(closedPort), "--timeout", "2s");

    assertThat(code).isEqualTo(HealthCommand.UNHEALTHY);
    assertThat(out.toString())
        .startsWith("no answer from http://127.0.0.1:" + closedPort)
        .doesNotContain("null");
  }
}
