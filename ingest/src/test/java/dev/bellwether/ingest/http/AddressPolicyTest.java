package dev.bellwether.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "0.0.0.0",
        "0.1.2.3",
        "10.0.0.1",
        "172.16.5.4",
        "172.31.255.255",
        "192.168.0.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.254",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456:789a::1",
        "fec0::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.1.2.3",
        "::169.254.169.254",
        "192.0.2.2",
        "198.51.100.7",
        "203.0.113.7",
        "198.18.0.1",
        "198.19.255.254",
        "192.0.0.8",
        "240.0.0.1",
        "2001:db8::1",
        "::ffff:203.0.113.7"
      })
  void blocksLoopbackPrivateAndSpecialAddresses(String literal) throws UnknownHostException {
    assertThat(AddressPolicy.isBlocked(InetAddress.getByName(literal))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.216.34",
        "8.8.8.8",
        "100.63.255.255",
        "100.128.0.1",
        "172.32.0.1",
        "192.0.3.1",
        "198.17.255.1",
        "198.20.0.1",
        "203.0.114.1",
        "2606:4700::1111",
        "::ffff:8.8.8.8"
      })
  void allowsPublicAddresses(String literal) throws UnknownHostException {
    assertThat(AddressPolicy.isBlocked(InetAddress.getByName(literal))).isFalse();
  }
}
