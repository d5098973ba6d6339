package dev.bellwether.slackbot.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {
  private final Map<String, String> rules =
      Map.of("big-tech-deals", "deals", "policy-watch", "policy");
  private final Map<String, String> channels = Map.of("deals", "#ai-deals");

  @Test
  void ruleGoesThroughItsRouteToTheChannel() {
    Routes.Route route = new Routes(rules, channels, null).forRule("big-tech-deals");

    assertThat(route.channel()).isEqualTo("#ai-deals");
    assertThat(route.reason()).isEqualTo("route deals");
  }

  @Test
  void routeWithoutChannelGoesToTheDefault() {
    Routes.Route route = new Routes(rules, channels, "#ai-news").forRule("policy-watch");

    assertThat(route.channel()).isEqualTo("#ai-news");
    assertThat(route.reason()).isEqualTo("route 'policy' has no channel; default channel");
  }

  @Test
  void withoutDefaultAnUnroutedAlertIsDroppedWithItsReason() {
    Routes routes = new Routes(rules, channels, null);

    assertThat(routes.forRule("policy-watch").dropped()).isTrue();
    assertThat(routes.forRule("gone").reason())
        .isEqualTo("rule 'gone' is not in the watchlist and no default channel is set");
  }

  @Test
  void storyThreadsRoundTripThroughTheTopicValue() {
    StoryThread thread = new StoryThread("C0DEALS", "1772460000.000100", "s1-1", "abc123");

    assertThat(StoryThread.decode(thread.encode())).isEqualTo(thread);
    assertThatThrownBy(() -> StoryThread.decode("C0DEALS\t1.2"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
