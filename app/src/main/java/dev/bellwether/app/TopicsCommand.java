package dev.bellwether.app;

import dev.bellwether.schemas.TopicInstaller;
import dev.bellwether.schemas.TopicSpec;
import dev.bellwether.schemas.Topics;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bellwether topics}: Bellwether's topics on a cluster. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {"Manage Bellwether's topics on a Kafka cluster."},
    subcommands = {TopicsCommand.Create.class},
    footer = {
      "",
      "Examples:",
      "  bellwether topics create --bootstrap-servers kafka:9092",
      "  bellwether topics create --help"
    })
final class TopicsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'topics create'.");
  }

  /** {@code bellwether topics create}: creates the missing topics once, then exits. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create every Bellwether topic that the cluster does not have yet, with its partitions"
            + " and settings, and exit. Topics that exist are left as they are, so running it"
            + " again is harmless.",
        "Every role also creates missing topics when it starts; this command is for a one-shot"
            + " set-up step (the compose file's topics service) before the roles start.",
        "Exit code 0 when every topic exists afterwards, 2 when Kafka cannot be reached or"
            + " refuses a topic."
      },
      footer = {
        "",
        "Examples:",
        "  bellwether topics create --bootstrap-servers kafka:9092",
        "  BELLWETHER_BOOTSTRAP_SERVERS=kafka:9092 bellwether topics create"
      })
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin KafkaOptions kafka = new KafkaOptions();

    @Override
    public Integer call() {
      List<TopicSpec> topics = Topics.all();
      List<String> created;
      try (Admin admin = Admin.create(adminConfig())) {
        created = TopicInstaller.ensure(admin, topics);
      }
      report(spec.commandLine().getOut(), topics, created);
      return 0;
    }

    private Map<String, Object> adminConfig() {
      return kafka
          .connection()
          .config(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    private static void report(PrintWriter out, List<TopicSpec> topics, List<String> created) {
      for (TopicSpec topic : topics) {
        String state = created.contains(topic.name()) ? "created" : "exists";
        out.printf("%-8s %s (%d partitions)%n", state, topic.name(), topic.partitions());
      }
      out.flush();
    }
  }
}
