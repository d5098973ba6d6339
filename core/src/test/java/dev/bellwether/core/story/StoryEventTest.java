package dev.bellwether.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.core.tagging.EventStatus;
import dev.bellwether.core.tagging.EventType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryEventTest {
  private static StoryEvent event(
      EventType type, List<String> companies, Map<String, String> facts) {
    return new StoryEvent(type, EventStatus.ANNOUNCED, companies, facts, false, false);
  }

  @Test
  void partnersShareAKeyWhicheverIsNamedFirst() {
    assertThat(
            event(EventType.PARTNERSHIP, List.of("OpenAI", "Microsoft"), Map.of()).signatureKey())
        .isEqualTo(
            event(EventType.PARTNERSHIP, List.of("Microsoft", "OpenAI"), Map.of()).signatureKey())
        .isEqualTo("PARTNERSHIP|parties:Microsoft+OpenAI");
  }

  @Test
  void anAcquisitionIsKeyedByItsTargetAndAControlWithoutACompanyByItsAuthority() {
    assertThat(
            event(EventType.ACQUISITION, List.of("Nvidia"), Map.of("target", "Parallax Labs"))
                .signatureKey())
        .isEqualTo("ACQUISITION|target:Parallax Labs");
    assertThat(
            event(EventType.EXPORT_CONTROL, List.of(), Map.of("authority", "US Commerce/BIS"))
                .signatureKey())
        .isEqualTo("EXPORT_CONTROL|authority:US Commerce/BIS");
    assertThat(event(EventType.FUNDING, List.of("Anthropic"), Map.of()).signatureKey())
        .isEqualTo("FUNDING|lead:Anthropic");
  }
}
