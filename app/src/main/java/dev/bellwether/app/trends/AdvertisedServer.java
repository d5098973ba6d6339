package dev.bellwether.app.trends;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.kafka.streams.state.HostInfo;
import org.jspecify.annotations.Nullable;

/**
 * Where other instances reach this one's ops server ({@code application.server}): the advertised
 * host if given, else the listening host unless it is a wildcard, else this machine's host name.
 */
public final class AdvertisedServer {
  private AdvertisedServer() {}

  public static HostInfo of(@Nullable String advertisedHost, String listenHost, int port) {
    if (advertisedHost != null && !advertisedHost.isBlank()) {
      return new HostInfo(advertisedHost.strip(), port);
    }
    if (!isWildcard(listenHost)) {
      return new HostInfo(listenHost, port);
    }
    try {
      return new HostInfo(InetAddress.getLocalHost().getHostName(), port);
    } catch (UnknownHostException e) {
      return new HostInfo("localhost", port);
    }
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.isBlank();
  }
}
