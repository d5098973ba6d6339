package dev.bellwether.app;

import dev.bellwether.app.config.ConfigKey;
import dev.bellwether.app.ops.OpsHttpOptions;
import dev.bellwether.app.ops.RoleOps;
import dev.bellwether.ingest.page.PageFetcher;
import dev.bellwether.ingest.page.PageFetcherSettings;
import dev.bellwether.ingest.source.SourcesFile;
import dev.bellwether.schemas.TopicInstaller;
import dev.bellwether.schemas.Topics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bellwether fetch}: the page fetchers alone, against a running cluster. */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Run a page fetcher alone against a Kafka cluster: it reads new items from"
          + " bellwether.new-items, fetches and extracts each item's page, and writes one article"
          + " per item to bellwether.articles, exactly once. An item whose page cannot be used"
          + " gets the feed's summary as its text, with the reason.",
      "",
      "Start several to share the items: Kafka splits them across the instances of consumer"
          + " group bellwether-fetch. Give each a different --instance-id that stays the same"
          + " across its restarts.",
      "",
      "Pages on sec.gov are fetched with the User-Agent of "
          + SourcesFile.EDGAR_USER_AGENT_VARIABLE
          + " (your organisation and a contact address)."
          + " Without it they get the default User-Agent, which SEC may refuse."
    },
    footer = {
      "",
      "Examples:",
      "  bellwether fetch --bootstrap-servers kafka:9092 --instance-id fetch-1",
      "  bellwether fetch --bootstrap-servers kafka:9092 --instance-id fetch-2"
    })
final class FetchCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka = new KafkaOptions();

  @Option(names = "--instance-id", paramLabel = "ID", descriptionKey = ConfigKey.Names.INSTANCE_ID)
  String instanceId;

  @Option(
      names = "--allow-private",
      description = "Let item links reach loopback and private addresses.")
  boolean allowPrivate;

  @Mixin OpsHttpOptions http = new OpsHttpOptions();

  @Override
  public Integer call() throws Exception {
    String id = instanceId == null || instanceId.isBlank() ? hostName() : instanceId.strip();
    PageFetcherSettings settings;
    try {
      settings =
          PageFetcherSettings.builder(id)
              .allowPrivate(allowPrivate)
              .secUserAgent(ConfigKey.EDGAR_USER_AGENT.valueIn(System.getenv()))
              .build();
    } catch (IllegalArgumentException e) {
      throw new UserError("--instance-id: " + e.getMessage());
    }
    try (RoleOps ops = RoleOps.start("fetch", http)) {
      ops.requireKafka(kafka.connection());
      try (Admin admin = Admin.create(kafka.connection().config())) {
        TopicInstaller.ensure(admin, Topics.all());
      }
      PageFetcher fetcher = new PageFetcher(kafka.connection(), Clock.systemUTC(), settings);
      fetcher.bindTo(ops.meters());
      fetcher.start();
      RoleRunner.runUntilShutdown("fetch", fetcher, ops);
    }
    return 0;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
    } catch (UnknownHostException e) {
      throw new UserError("cannot tell this host's name; pass --instance-id");
    }
  }
}
