package dev.bellwether.app;

import dev.bellwether.app.ops.OpsHttpOptions;
import dev.bellwether.app.ops.RoleOps;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.poll.IngestWorker;
import dev.bellwether.ingest.poll.SourcePublisher;
import dev.bellwether.ingest.source.SourcesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bellwether ingest}: the feed pollers alone, against a running cluster. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pollers alone against a Kafka cluster: they read the sources from the"
          + " bellwether.sources topic and write what they find to bellwether.discovered.",
      "",
      "Start several (on one machine or many) to share the sources: Kafka splits them across"
          + " the instances of consumer group bellwether-ingest and moves them when one stops.",
      "With --sources, this instance first makes the sources topic hold exactly that file."
    },
    footer = {
      "",
      "Examples:",
      "  bellwether ingest --bootstrap-servers kafka:9092 --sources config/sources.yaml",
      "  bellwether ingest --bootstrap-servers kafka:9092     # a second instance: shares the work"
    })
final class IngestCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(IngestCommand.class);

  @Mixin KafkaOptions kafka = new KafkaOptions();

  @Option(
      names = "--sources",
      paramLabel = "FILE",
      description = "Publish this sources file to the cluster before polling.")
  Path sources;

  @Option(
      names = "--allow-private",
      description =
          "Let sources reach loopback and private addresses (when --sources is not given;"
              + " otherwise the file's network.allow-private decides).")
  boolean allowPrivate;

  @Mixin OpsHttpOptions http = new OpsHttpOptions();

  @Override
  public Integer call() throws Exception {
    try (RoleOps ops = RoleOps.start("ingest", http)) {
      ops.requireKafka(kafka.connection());
      run(ops);
    }
    return 0;
  }

  private void run(RoleOps ops) throws InterruptedException {
    boolean privateAllowed = allowPrivate;
    try (Admin admin = Admin.create(kafka.connection().config())) {
      dev.bellwether.schemas.TopicInstaller.ensure(admin, dev.bellwether.schemas.Topics.all());
    }
    if (sources != null) {
      if (!Files.isRegularFile(sources)) {
        throw new UserError("no sources file at " + sources.toAbsolutePath());
      }
      SourcesFile file = SourcesFile.load(sources, System.getenv());
      var retired = SourcePublisher.sync(kafka.connection(), file);
      log.info("Published {} sources; retired {}", file.sources().size(), retired);
      file.offNotice().ifPresent(log::warn);
      privateAllowed = file.allowPrivate();
    }
    IngestWorker worker =
        new IngestWorker(
            kafka.connection(), Clock.systemUTC(), HttpSettings.defaults(), privateAllowed);
    worker.bindTo(ops.meters());
    worker.start();
    RoleRunner.runUntilShutdown("ingest", worker, ops);
  }
}
