package dev.bellwether.app.ops;

import dev.bellwether.app.config.ConfigKey;
import picocli.CommandLine.Option;

/** The ops HTTP server's options, shared by every long-running role ({@code @Mixin}). */
public final class OpsHttpOptions {
  @Option(names = "--http-port", paramLabel = "PORT", descriptionKey = ConfigKey.Names.HTTP_PORT)
  int port;

  @Option(names = "--http-host", paramLabel = "ADDRESS", descriptionKey = ConfigKey.Names.HTTP_HOST)
  String host;

  public int port() {
    return port;
  }

  public String host() {
    return host;
  }
}
