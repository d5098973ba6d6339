package dev.bellwether.ingest.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into addresses, so the address policy can judge them before connecting. */
@FunctionalInterface
public interface HostResolver {
  /** The JVM's resolver (and its cache). */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  List<InetAddress> resolve(String host) throws UnknownHostException;
}
