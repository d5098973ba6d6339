package dev.bellwether.ingest.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a fetch may not reach unless private addresses are allowed: loopback, any-local,
 * site-local (10/8, 172.16/12, 192.168/16, fec0::/10), link-local (169.254/16, fe80::/10),
 * multicast, carrier-grade NAT (100.64/10), "this network" (0/8), reserved (240/4, with the
 * broadcast address), IETF protocol assignments (192.0.0/24), benchmarking (198.18/15), the
 * documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32: sandboxes give them
 * to real hosts), and IPv6 unique-local (fc00::/7). IPv4 addresses embedded in IPv6 (mapped or
 * compatible) are judged as IPv4.
 */
public final class AddressPolicy {
  private AddressPolicy() {}

  /** Whether {@code address} is loopback, private or otherwise not a public unicast address. */
  public static boolean isBlocked(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return isSpecialIpv4(bytes);
    }
    if (address instanceof Inet6Address) {
      return isUniqueLocal(bytes)
          || isDocumentation(bytes)
          || (embedsIpv4(bytes) && isBlockedIpv4(bytes));
    }
    return false;
  }

  private static boolean isSpecialIpv4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    int third = b[2] & 0xff;
    boolean cgnat = first == 100 && (second & 0xc0) == 64;
    boolean thisNetwork = first == 0;
    boolean reserved = first >= 240; // 240/4, and the broadcast address within it
    // documentation ranges (RFC 5737), which sandboxes and labs give to real hosts
    boolean documentation =
        (first == 192 && second == 0 && third == 2)
            || (first == 198 && second == 51 && third == 100)
            || (first == 203 && second == 0 && third == 113);
    boolean protocolAssignments = first == 192 && second == 0 && third == 0; // 192.0.0/24
    boolean benchmarking = first == 198 && (second & 0xfe) == 18; // 198.18/15
    return cgnat || thisNetwork || reserved || documentation || protocolAssignments || benchmarking;
  }

  /** IPv6 documentation prefix {@code 2001:db8::/32} (RFC 3849). */
  private static boolean isDocumentation(byte[] b) {
    return (b[0] & 0xff) == 0x20
        && (b[1] & 0xff) == 0x01
        && (b[2] & 0xff) == 0x0d
        && (b[3] & 0xff) == 0xb8;
  }

  private static boolean isUniqueLocal(byte[] b) {
    return (b[0] & 0xfe) == 0xfc;
  }

  /** {@code ::a.b.c.d} (compatible) or {@code ::ffff:a.b.c.d} (mapped). */
  private static boolean embedsIpv4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = b[10] == 0 && b[11] == 0;
    return mapped || compatible;
  }

  private static boolean isBlockedIpv4(byte[] b) {
    byte[] v4 = {b[12], b[13], b[14], b[15]};
    try {
      return isBlocked(InetAddress.getByAddress(v4));
    } catch (java.net.UnknownHostException e) {
      return true; // cannot happen for four bytes; refuse if it does
    }
  }
}
