package dev.bellwether.app;

import dev.bellwether.app.ops.OpsHttpOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bellwether health}: asks a running role's HTTP server whether it is ready (or live), for
 * container health checks in images that have no curl or wget.
 */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = {
      "Ask a running Bellwether role on this host whether it is ready (GET /health/ready) or"
          + " alive (--live: GET /health/live), and exit 0 when it answers 2xx, 1 otherwise.",
      "Reads the same --http-host and --http-port settings as the role (the same variables"
          + " too), so inside a container it needs no options. A role listening on every address"
          + " (0.0.0.0 or ::) is asked on 127.0.0.1."
    },
    footer = {
      "",
      "Examples:",
      "  bellwether health                     # the role on 127.0.0.1:8080",
      "  bellwether health --live --http-port 8081"
    })
final class HealthCommand implements Callable<Integer> {
  static final int HEALTHY = 0;
  static final int UNHEALTHY = 1;
  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "*");

  @Spec CommandSpec spec;

  @Mixin OpsHttpOptions http = new OpsHttpOptions();

  @Option(names = "--live", description = "Ask /health/live instead of /health/ready.")
  boolean live;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "3s",
      description = "How long to wait for the answer (10s, 500ms). Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    URI uri = uri();
    try {
      int status = get(uri);
      out.println(status + " " + uri);
      out.flush();
      return status >= 200 && status < 300 ? HEALTHY : UNHEALTHY;
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      out.println("no answer from " + uri + ": " + why);
      out.flush();
      return UNHEALTHY;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return UNHEALTHY;
    }
  }

  URI uri() {
    String host = WILDCARDS.contains(http.host().strip()) ? "127.0.0.1" : http.host().strip();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return URI.create(
        "http://" + host + ":" + http.port() + (live ? "/health/live" : "/health/ready"));
  }

  private int get(URI uri) throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
