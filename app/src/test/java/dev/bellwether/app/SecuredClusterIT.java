package dev.bellwether.app;

import static dev.bellwether.app.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bellwether.app.demo.DemoFeedServer;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.localkafka.LocalKafka;
import dev.bellwether.schemas.KafkaConnection;
import dev.bellwether.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bellwether on a broker with secured listeners: SASL/PLAIN without TLS, SASL/PLAIN over TLS
 * ({@code SASL_SSL}) and TLS with client certificates (mTLS), certificates made by {@code keytool}
 * for the run. Over SASL_SSL every client of the pipeline (source sync, ingest, page fetcher,
 * processors, alert printer), the web role's dashboard, the slack role's bot and the tools ({@code
 * topics}, {@code tail}) connect with the settings of {@code --kafka-config} and the demo's alerts
 * flow; over mTLS the tools connect with a client certificate. A wrong password, a missing client
 * certificate or an untrusted broker certificate ends a command at once with one clear error and
 * exit code 2, not a retry loop. No password reaches the output.
 */
class SecuredClusterIT {
  private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  private static final int DEMO_ALERTS = 21;

  private static Path dir;
  private static LocalKafka broker;
  private static TestCertificates certs;
  private static Path good;
  private static Path wrong;
  private static Path saslSsl;
  private static Path saslSslUntrusted;
  private static Path mtls;
  private static Path mtlsWithoutCertificate;

  @BeforeAll
  static void startSecuredBroker() throws Exception {
    dir = Files.createTempDirectory("secured-it");
    certs = TestCertificates.create(dir.resolve("tls"));
    Map<String, String> users = Map.of("bellwether", PASSWORD);
    broker =
        LocalKafka.startWithListeners(
            dir,
            List.of(
                LocalKafka.Listener.saslPlain("SASL_PLAINTEXT", "SASL_PLAINTEXT", users),
                LocalKafka.Listener.saslPlain(
                    "SASL_SSL", "SASL_SSL", users, certs.brokerSettings(false)),
                new LocalKafka.Listener("MTLS", "SSL", certs.brokerSettings(true))));
    good = clientSettings("good.properties", "SASL_PLAINTEXT", PASSWORD, "");
    wrong = clientSettings("wrong.properties", "SASL_PLAINTEXT", "not-the-password", "");
    saslSsl =
        clientSettings("sasl-ssl.properties", "SASL_SSL", PASSWORD, certs.clientProperties(false));
    saslSslUntrusted = clientSettings("sasl-ssl-untrusted.properties", "SASL_SSL", PASSWORD, "");
    mtls = write("mtls.properties", "security.protocol=SSL\n" + certs.clientProperties(true));
    mtlsWithoutCertificate =
        write("mtls-no-cert.properties", "security.protocol=SSL\n" + certs.clientProperties(false));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static Path clientSettings(String name, String protocol, String password, String tls)
      throws Exception {
    return write(
        name,
        "security.protocol="
            + protocol
            + "\n"
            + "sasl.mechanism=PLAIN\n"
            + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"bellwether\" password=\""
            + password
            + "\";\n"
            + tls);
  }

  private static Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void theDemosAlertsFlowThroughASaslListenerOverTls() throws Exception {
    String address = broker.listenerAddress("SASL_SSL");
    CliRun.Result topics =
        run(
            "topics",
            "create",
            "--bootstrap-servers",
            address,
            "--kafka-config",
            saslSsl.toString());
    assertThat(topics.code()).as(topics.err()).isZero();
    assertThat(topics.out()).contains(Topics.ALERTS_JSON.name());

    KafkaConnection secured = KafkaSettings.connection(address, saslSsl, Map.of());
    ExecutorService runner = Executors.newSingleThreadExecutor();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (DemoFeedServer demo = DemoFeedServer.start()) {
      SourcesFile sources =
          SourcesFile.parse(
              DemoFeedServer.sourcesYaml(),
              "demo/sources.yaml",
              Map.of("DEMO_BASE", demo.baseUrl().toString()));
      var options =
          new LocalPipeline.Options(
              dir.resolve("data"), 0, secured, sources, Knowledge.builtIn(), false);
      try (LocalPipeline pipeline =
          LocalPipeline.start(options, new PrintStream(console, true, StandardCharsets.UTF_8))) {
        var printing = runner.submit(pipeline::printAlertsUntilShutdown);
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> console.toString(StandardCharsets.UTF_8).contains("UPDATE"));
        CliRun.Result tail =
            run(
                "tail",
                "--topic",
                "alerts.json",
                "--from-beginning",
                "--json",
                "--max-records",
                Integer.toString(DEMO_ALERTS),
                "--idle-timeout",
                "60s",
                "--bootstrap-servers",
                address,
                "--kafka-config",
                saslSsl.toString());
        pipeline.stopPrinting();
        printing.get(30, TimeUnit.SECONDS);

        assertThat(tail.code()).as(tail.err()).isZero();
        assertThat(tail.out().lines().filter(l -> !l.isBlank()).count()).isEqualTo(DEMO_ALERTS);
        assertThat(tail.out()).contains("FUNDING").contains("OpenAI");

        // the web role's dashboard and the slack role's bot, through the same secured listener
        try (dev.bellwether.dashboard.Dashboard dashboard =
            dev.bellwether.dashboard.Dashboard.reading(100, java.time.Clock.systemUTC())) {
          dashboard.startReading(secured);
          await("the dashboard reads every alert")
              .atMost(Duration.ofSeconds(60))
              .until(() -> dashboard.alerts().size() >= DEMO_ALERTS);
        }
        try (dev.bellwether.slackbot.StandInSlack slack =
            dev.bellwether.slackbot.StandInSlack.start("xoxb-secured-it")) {
          var config =
              dev.bellwether.slackbot.SlackBotConfig.fromEnv(
                  Map.of(
                      "SLACK_BOT_TOKEN", "xoxb-secured-it",
                      "BELLWETHER_SLACK_API_URL", slack.apiUrl(),
                      "BELLWETHER_SLACK_DEFAULT_CHANNEL", "#ai-news",
                      "BELLWETHER_SLACK_START", "earliest"),
                  null);
          try (var bot =
              dev.bellwether.slackbot.SlackBot.start(
                  config,
                  SlackCommand.ruleRoutes(Knowledge.builtIn().watchlist()),
                  secured,
                  new dev.bellwether.slackbot.web.SlackWebApi.Limits(
                      Duration.ZERO, 3, Duration.ofMillis(10), Duration.ofMillis(50), 200))) {
            await("the bot posts every alert")
                .atMost(Duration.ofSeconds(60))
                .until(() -> slack.messages().size() >= DEMO_ALERTS);
          }
        }
      }
    } finally {
      runner.shutdownNow();
    }
    assertThat(console.toString(StandardCharsets.UTF_8))
        .doesNotContain(PASSWORD)
        .doesNotContain(certs.password());
  }

  @Test
  void theToolsConnectWithAPasswordWithoutTlsOrWithAClientCertificate() {
    CliRun.Result plain =
        run(
            "topics",
            "create",
            "--bootstrap-servers",
            broker.saslBootstrapServers(),
            "--kafka-config",
            good.toString());
    assertThat(plain.code()).as(plain.err()).isZero();

    String address = broker.listenerAddress("MTLS");
    CliRun.Result topics =
        run("topics", "create", "--bootstrap-servers", address, "--kafka-config", mtls.toString());
    assertThat(topics.code()).as(topics.err()).isZero();
    assertThat(topics.out()).contains(Topics.ALERTS.name()).doesNotContain(certs.password());

    CliRun.Result tail =
        run(
            "tail",
            "--topic",
            "alerts.json",
            "--from-beginning",
            "--idle-timeout",
            "3s",
            "--bootstrap-servers",
            address,
            "--kafka-config",
            mtls.toString());
    assertThat(tail.code()).as(tail.err()).isZero();
  }

  @Test
  void aMissingClientCertificateOrAnUntrustedBrokerEndsTheCommandWithOneClearError() {
    for (var attempt :
        List.of(
            Map.entry(broker.listenerAddress("MTLS"), mtlsWithoutCertificate),
            Map.entry(broker.listenerAddress("SASL_SSL"), saslSslUntrusted))) {
      long start = System.nanoTime();
      CliRun.Result result =
          run(
              "topics",
              "create",
              "--bootstrap-servers",
              attempt.getKey(),
              "--kafka-config",
              attempt.getValue().toString());

      assertThat(result.code()).as(attempt + ": " + result.err()).isEqualTo(UserErrors.USER_ERROR);
      assertThat(result.err())
          .contains("TLS handshake with the Kafka cluster failed")
          .doesNotContain(PASSWORD, certs.password(), "\tat ");
      assertThat(result.err().lines().count()).as(result.err()).isLessThanOrEqualTo(3);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }
  }

  @Test
  void aWrongPasswordEndsTheCommandWithOneClearError() {
    for (List<String> command :
        List.of(
            List.of("topics", "create"),
            List.of("tail", "--topic", "alerts", "--from-beginning", "--max-records", "1"),
            // a role that only reads would retry the login for as long as it ran
            List.of("web", "--http-port", "0"))) {
      long start = System.nanoTime();
      String[] args =
          java.util.stream.Stream.concat(
                  command.stream(),
                  java.util.stream.Stream.of(
                      "--bootstrap-servers",
                      broker.saslBootstrapServers(),
                      "--kafka-config",
                      wrong.toString()))
              .toArray(String[]::new);

      CliRun.Result result = run(args);

      assertThat(result.code()).as(command + ": " + result.err()).isEqualTo(UserErrors.USER_ERROR);
      assertThat(result.err())
          .contains("refused Bellwether's credentials")
          .doesNotContain("not-the-password", PASSWORD, "\tat ");
      assertThat(result.err().lines().count()).as(result.err()).isLessThanOrEqualTo(3);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }
  }

  @Test
  void aTrustStoreThatIsNoCertificateIsNamedAsAWrongSetting() throws Exception {
    Path notPem = write("not-a-certificate.pem", "this is not a certificate\n");
    Path settings =
        write(
            "broken-pem.properties",
            "security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location="
                + notPem
                + "\n");

    CliRun.Result result =
        run(
            "topics",
            "create",
            "--bootstrap-servers",
            broker.listenerAddress("MTLS"),
            "--kafka-config",
            settings.toString());

    assertThat(result.code()).as(result.err()).isEqualTo(UserErrors.USER_ERROR);
    assertThat(result.err())
        .contains("a Kafka client setting is wrong", notPem.toString())
        .doesNotContain("\tat ");
    assertThat(result.err().lines().count()).as(result.err()).isLessThanOrEqualTo(3);
  }
}
