package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.schemas.TopicSpec;
import dev.bellwether.schemas.Topics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code bellwether topics create} on a real broker: the compose file's one-shot set-up. */
class TopicsCreateIT {
  @RegisterExtension static final SharedBroker kafka = SharedBroker.withoutTopics();

  private static String createTopics() {
    CliRun.Result result =
        CliRun.run("topics", "create", "--bootstrap-servers", kafka.bootstrapServers());
    assertThat(result.code()).as(result.err()).isZero();
    return result.out();
  }

  @Test
  void createsEveryTopicOnceAndThenLeavesThemAsTheyAre() throws Exception {
    String first = createTopics();
    String second = createTopics();

    for (TopicSpec topic : Topics.all()) {
      assertThat(first).contains("created  " + topic.name());
      assertThat(second).contains("exists   " + topic.name());
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      assertThat(names).containsAll(Topics.all().stream().map(TopicSpec::name).toList());
    }
  }
}
