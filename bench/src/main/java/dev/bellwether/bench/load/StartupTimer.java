package dev.bellwether.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Times the start-up of {@code bellwether run --demo}: from launching the JVM to the log line
 * "Bellwether is running" (stderr) and to the first alert line on stdout, each run on a fresh data
 * directory with free ports. Arguments: the jar, the number of runs (3).
 */
public final class StartupTimer {
  static final String RUNNING_LINE = "Bellwether is running";
  private static final long BOUND_MILLIS = 120_000;

  private StartupTimer() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("StartupTimer <path to bellwether.jar> [runs]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (int i = 1; i <= runs; i++) {
      System.out.println(String.format(Locale.ROOT, "run %d: %s", i, timeOnce(jar)));
    }
  }

  private static String timeOnce(Path jar) throws IOException, InterruptedException {
    Path data = Files.createTempDirectory("bellwether-startup");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar.toString(),
            "run",
            "--demo",
            "--data-dir",
            data.toString(),
            "--kafka-port",
            "0",
            "--http-port",
            "0");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(new ArrayList<>(command)).start();
    try {
      CompletableFuture<Long> running =
          firstLine(process.getErrorStream(), line -> line.contains(RUNNING_LINE), start);
      CompletableFuture<Long> alert =
          firstLine(process.getInputStream(), line -> !line.isBlank(), start);
      long toRunning = running.get(BOUND_MILLIS, TimeUnit.MILLISECONDS);
      long toAlert = alert.get(BOUND_MILLIS, TimeUnit.MILLISECONDS);
      return String.format(
          Locale.ROOT, "running after %d ms, first alert line after %d ms", toRunning, toAlert);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return "failed: " + e;
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
      deleteTree(data);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Milliseconds from {@code startNanos} to the first line of {@code stream} that {@code wanted}
   * accepts; the rest of the stream is read and dropped so the process never blocks on a full pipe.
   */
  private static CompletableFuture<Long> firstLine(
      InputStream stream, Predicate<String> wanted, long startNanos) {
    CompletableFuture<Long> found = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  if (!found.isDone() && wanted.test(line)) {
                    found.complete((System.nanoTime() - startNanos) / 1_000_000);
                  }
                }
              } catch (IOException e) {
                found.completeExceptionally(e);
              }
              found.completeExceptionally(new IllegalStateException("stream ended"));
            },
            "startup-reader");
    reader.setDaemon(true);
    reader.start();
    return found;
  }
}
