package dev.bellwether.app.ops;

import dev.bellwether.app.config.ConfigKeys.HttpHost;
import dev.bellwether.app.config.ConfigKeys.HttpPort;
import picocli.CommandLine.Option;

/** The ops HTTP server's options, shared by every long-running role ({@code @Mixin}). */
public final class OpsHttpOptions {
  @Option(
      names = HttpPort.FLAG,
      paramLabel = "PORT",
      defaultValue = HttpPort.DEFAULT_VALUE,
      description = HttpPort.DESCRIPTION)
  int port;

  @Option(
      names = HttpHost.FLAG,
      paramLabel = "ADDRESS",
      defaultValue = HttpHost.DEFAULT_VALUE,
      description = HttpHost.DESCRIPTION)
  String host = HttpHost.DEFAULT;

  public int port() {
    return port;
  }

  public String host() {
    return host;
  }
}
