package dev.bellwether.app;

import dev.bellwether.app.config.ConfigKey;
import dev.bellwether.app.ops.OpsHttpOptions;
import dev.bellwether.app.ops.RoleOps;
import dev.bellwether.app.trends.ProcessorsTrends;
import dev.bellwether.app.trends.RemoteTrends;
import dev.bellwether.app.web.DashboardOptions;
import dev.bellwether.app.web.DashboardRole;
import dev.bellwether.dashboard.Dashboard;
import dev.bellwether.processors.trends.TrendsAnswers;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bellwether web}: the dashboard alone, against a running cluster. */
@Command(
    name = "web",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the analysts' dashboard against a Kafka cluster: the live alert feed, story pages"
          + " and trends (http://HOST:PORT/), and its JSON API (docs/api.md).",
      "",
      "It reads the alerts topic from its beginning into memory (the newest --dashboard-alerts"
          + " alerts) and follows it; it writes nothing. Trends are asked of a processors"
          + " instance (--processors). Run as many as you like; each shows every alert.",
      "",
      "The server needs no credentials and binds 127.0.0.1 unless told otherwise: put it behind"
          + " a trusted network or an authenticating proxy before opening it wider."
    },
    footer = {
      "",
      "Examples:",
      "  bellwether web --bootstrap-servers kafka:9092 --processors http://process:8080",
      "  bellwether web --http-port 8090      # beside `bellwether run`, which serves 8080"
    })
final class WebCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka = new KafkaOptions();

  @Option(
      names = "--processors",
      paramLabel = "URL",
      descriptionKey = ConfigKey.Names.PROCESSORS_URL)
  @Nullable String processors;

  @Mixin DashboardOptions dashboardOptions = new DashboardOptions();

  @Mixin OpsHttpOptions http = new OpsHttpOptions();

  @Override
  public Integer call() throws Exception {
    TrendsAnswers trends = trends();
    try (Dashboard dashboard = DashboardRole.create(dashboardOptions);
        RoleOps ops =
            DashboardRole.serve(
                "web",
                http,
                dashboard,
                ProcessorsTrends.of(
                    () -> trends,
                    Clock.systemUTC(),
                    "this dashboard has no processors to ask for trends; start it with"
                        + " --processors URL"))) {
      KafkaRefusal.failFast(kafka.connection());
      ops.requireKafka(kafka.connection());
      DashboardRole.start(dashboard, kafka.connection(), ops);
      org.slf4j.LoggerFactory.getLogger(WebCommand.class)
          .info("Dashboard at {}/", ops.server().url());
      RoleRunner.runUntilShutdown("web", () -> {}, ops);
    }
    return 0;
  }

  private @Nullable TrendsAnswers trends() {
    if (processors == null || processors.isBlank()) {
      return null;
    }
    try {
      return new RemoteTrends(URI.create(processors.strip()));
    } catch (IllegalArgumentException e) {
      throw new UserError("--processors: " + e.getMessage());
    }
  }
}
