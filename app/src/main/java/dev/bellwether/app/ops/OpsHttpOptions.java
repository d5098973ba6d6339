package dev.bellwether.app.ops;

import picocli.CommandLine.Option;

/** The ops HTTP server's options, shared by every long-running role ({@code @Mixin}). */
public final class OpsHttpOptions {
  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      defaultValue = "${env:BELLWETHER_HTTP_PORT:-8080}",
      description =
          "Port of the HTTP server (/health/live, /health/ready, /metrics, the API and, for run"
              + " and web, the dashboard); 0 picks a free one (env BELLWETHER_HTTP_PORT). Default:"
              + " ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--http-host",
      paramLabel = "ADDRESS",
      defaultValue = "${env:BELLWETHER_HTTP_HOST:-127.0.0.1}",
      description =
          "Address the HTTP server listens on; 0.0.0.0 for all (env BELLWETHER_HTTP_HOST). It"
              + " needs no credentials: keep it on loopback or behind a trusted network."
              + " Default: ${DEFAULT-VALUE}.")
  String host = "127.0.0.1";

  public int port() {
    return port;
  }

  public String host() {
    return host;
  }
}
