package dev.bellwether.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates for a test broker's TLS listeners and a test client, made with the JDK's
 * own {@code keytool} in a temporary directory (nothing checked in, nothing fetched): a broker key
 * pair whose certificate names 127.0.0.1 and localhost, a client key pair, and for each side a
 * truststore holding the other side's certificate. PKCS12 stores, one password for all.
 */
record TestCertificates(
    Path brokerKeystore,
    Path brokerTruststore,
    Path clientKeystore,
    Path clientTruststore,
    String password) {

  static TestCertificates create(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    String password = "tls-" + Long.toHexString(System.nanoTime());
    TestCertificates certs =
        new TestCertificates(
            dir.resolve("broker.p12"),
            dir.resolve("broker-trust.p12"),
            dir.resolve("client.p12"),
            dir.resolve("client-trust.p12"),
            password);
    Path brokerCert = dir.resolve("broker.crt");
    Path clientCert = dir.resolve("client.crt");
    keytool(
        "-genkeypair",
        "-alias",
        "broker",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        certs.brokerKeystore().toString(),
        "-storepass",
        password);
    keytool(
        "-genkeypair",
        "-alias",
        "client",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=bellwether-client",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        certs.clientKeystore().toString(),
        "-storepass",
        password);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "broker",
        "-keystore",
        certs.brokerKeystore().toString(),
        "-storepass",
        password,
        "-file",
        brokerCert.toString());
    keytool(
        "-exportcert",
        "-alias",
        "client",
        "-keystore",
        certs.clientKeystore().toString(),
        "-storepass",
        password,
        "-file",
        clientCert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "broker",
        "-file",
        brokerCert.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        certs.clientTruststore().toString(),
        "-storepass",
        password);
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "client",
        "-file",
        clientCert.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        certs.brokerTruststore().toString(),
        "-storepass",
        password);
    return certs;
  }

  /** Broker settings of a TLS listener; with {@code clientAuth} it asks for client certificates. */
  java.util.Map<String, String> brokerSettings(boolean clientAuth) {
    java.util.Map<String, String> settings = new java.util.HashMap<>();
    settings.put("ssl.keystore.type", "PKCS12");
    settings.put("ssl.keystore.location", brokerKeystore.toString());
    settings.put("ssl.keystore.password", password);
    settings.put("ssl.key.password", password);
    settings.put("ssl.truststore.type", "PKCS12");
    settings.put("ssl.truststore.location", brokerTruststore.toString());
    settings.put("ssl.truststore.password", password);
    settings.put("ssl.client.auth", clientAuth ? "required" : "none");
    return settings;
  }

  /**
   * Lines of a client properties file that trust the broker (and, with the keystore, log in with
   * the client certificate): the mTLS client trusts the broker through its certificate as a PEM
   * file, the other through a PKCS12 truststore, the two ways docs/configuration.md shows.
   */
  String clientProperties(boolean withKeystore) {
    StringBuilder lines = new StringBuilder();
    if (withKeystore) {
      lines
          .append("ssl.truststore.type=PEM\n")
          .append("ssl.truststore.location=")
          .append(brokerCertificatePem())
          .append('\n');
    } else {
      lines
          .append("ssl.truststore.type=PKCS12\n")
          .append("ssl.truststore.location=")
          .append(clientTruststore)
          .append('\n')
          .append("ssl.truststore.password=")
          .append(password)
          .append('\n');
    }
    if (withKeystore) {
      lines
          .append("ssl.keystore.type=PKCS12\n")
          .append("ssl.keystore.location=")
          .append(clientKeystore)
          .append('\n')
          .append("ssl.keystore.password=")
          .append(password)
          .append('\n')
          .append("ssl.key.password=")
          .append(password)
          .append('\n');
    }
    return lines.toString();
  }

  /** The broker's certificate, PEM encoded. */
  Path brokerCertificatePem() {
    return brokerKeystore.resolveSibling("broker.crt");
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(
          "keytool " + args[0] + " failed: " + new String(output, StandardCharsets.UTF_8));
    }
  }
}
