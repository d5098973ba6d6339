package dev.bellwether.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bellwether role running as a child JVM from the shaded jar ({@code target/bellwether.jar},
 * built by {@code package} before the integration tests run), its stdout and stderr in a log file.
 * The ops server's URL is read from the role's start-up log line.
 */
final class RoleProcess implements AutoCloseable {
  private static final Pattern OPS_URL = Pattern.compile("Ops HTTP for \\S+ at (http://\\S+) ");
  private static final Path JAR = Path.of("target", "bellwether.jar");

  private final Process process;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private URI url;

  private RoleProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static RoleProcess start(Path logDir, String role, String... args) throws IOException {
    return start(logDir, java.util.Map.of(), role, args);
  }

  /** The role with these variables added to its environment. */
  static RoleProcess start(
      Path logDir, java.util.Map<String, String> env, String role, String... args)
      throws IOException {
    return start(logDir, List.of(), env, role, args);
  }

  /** The role with these JVM options added (system properties such as a hosts file). */
  static RoleProcess start(
      Path logDir,
      List<String> jvmOptions,
      java.util.Map<String, String> env,
      String role,
      String... args)
      throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run mvn package first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", JAR.toAbsolutePath().toString(), Bellwether.class.getName()));
    command.add(role);
    command.addAll(List.of(args));
    Path log = Files.createTempFile(logDir, role + "-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("BELLWETHER_HTTP_PORT");
    builder.environment().remove("BELLWETHER_HTTP_HOST");
    builder.environment().putAll(env);
    return new RoleProcess(builder.start(), log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The ops server's base URL, once the role has logged it. */
  URI url() {
    if (url == null) {
      await("the ops server's URL in the log")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> opsUrlInLog() != null || !process.isAlive());
      String found = opsUrlInLog();
      if (found == null) {
        throw new IllegalStateException("the role exited without serving HTTP:\n" + log());
      }
      url = URI.create(found);
    }
    return url;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends SIGTERM and waits at most {@code bound}; the exit code, or -1 if it still ran. */
  int terminate(Duration bound) throws InterruptedException {
    process.destroy(); // SIGTERM on Linux and macOS
    return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  /** Waits at most {@code bound} for {@code /health/ready} to answer 200. */
  void awaitReady(Duration bound) {
    await("/health/ready of " + log.getFileName() + " answers 200")
        .atMost(bound)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> get("/health/ready").statusCode() == 200);
  }

  /** A port that was free a moment ago, for a role that must keep its port across restarts. */
  static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Kills the role at once (SIGKILL: no shutdown hook, no clean close) and waits for it to go. */
  void halt() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private String opsUrlInLog() {
    Matcher m = OPS_URL.matcher(log());
    return m.find() ? m.group(1) : null;
  }
}
