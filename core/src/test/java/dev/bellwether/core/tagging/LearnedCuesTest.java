package dev.bellwether.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.core.learn.EventModel;
import dev.bellwether.core.learn.SentenceEncoder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The learned model beside the rules, with a stand-in encoder that reads one made-up word per type.
 */
class LearnedCuesTest {
  /** Made-up words, one per event type in order: a sentence with one "reports" that type. */
  private static final List<String> WORDS =
      List.of("zorblat", "quimbly", "frandle", "glormax", "pintrow");

  private final List<String> encoded = new ArrayList<>();
  private final SentenceEncoder encoder =
      new SentenceEncoder() {
        @Override
        public String name() {
          return "made-up-words";
        }

        @Override
        public int dimension() {
          return WORDS.size();
        }

        @Override
        public float[][] encode(List<String> texts) {
          encoded.addAll(texts);
          float[][] out = new float[texts.size()][WORDS.size()];
          for (int i = 0; i < texts.size(); i++) {
            for (int j = 0; j < WORDS.size(); j++) {
              out[i][j] = texts.get(i).toLowerCase(Locale.ROOT).contains(WORDS.get(j)) ? 1 : 0;
            }
          }
          return out;
        }
      };

  private final Tagger tagger = Tagger.builtIn().withModel(encoder, model("made-up-words"));

  private static EventModel model(String encoder) {
    Map<EventType, float[]> weights = new EnumMap<>(EventType.class);
    for (EventType t : EventType.values()) {
      float[] w = new float[WORDS.size() + 1];
      w[t.ordinal()] = 8f;
      w[WORDS.size()] = -4f;
      weights.put(t, w);
    }
    return new EventModel(encoder, WORDS.size(), 0, "", "test", weights, Map.of());
  }

  @Test
  void addsAnEventOfATypeTheRulesMissedWhereTheModelIsSure() {
    Tagging t =
        tagger.tag("Anthropic said it had zorblat its books with a fresh deal, people said.");

    assertThat(t.events()).extracting(DetectedEvent::type).containsExactly(EventType.FUNDING);
    DetectedEvent e = t.events().get(0);
    assertThat(e.companies()).containsExactly("Anthropic");
    assertThat(e.confidence()).isGreaterThan(0.9);
    assertThat(e.why()).startsWith("model: funding, probability 0.9").contains("threshold");
  }

  @Test
  void readsOnlySentencesThatNameACompanyAndHaveAnEventWordWithTheCompanyMasked() {
    String text =
        "The weather zorblat a deal all week, forecasters said on Monday and again on Tuesday."
            + " Anthropic zorblat quietly. Anthropic zorblat a deal. "
            + "It rained. ".repeat(LearnedCues.WHOLE_TEXT / 10); // too long to be read whole

    tagger.tag(text);

    assertThat(encoded).containsExactly("Acme zorblat a deal.");
  }

  @Test
  void readsAShortTextWholeAsWell() {
    tagger.tag("Anthropic zorblat quietly. Anthropic zorblat a deal.");

    assertThat(encoded)
        .containsExactly("Acme zorblat a deal.", "Acme zorblat quietly. Acme zorblat a deal.");
  }

  @Test
  void neverRepeatsATypeTheRulesFound() {
    Tagging t =
        tagger.tag("OpenAI raised $6.6 billion at a $157 billion valuation in a zorblat round.");

    assertThat(t.events()).extracting(DetectedEvent::type).containsExactly(EventType.FUNDING);
    assertThat(t.events().get(0).facts()).containsEntry("amount_usd", "6600000000");
  }

  @Test
  void neverNamesARegulatorAsTheCompanyThatListsOrRaises() {
    Tagging listing = tagger.tag("The SEC said Anthropic pintrow a deal on Monday.");
    Tagging round = tagger.tag("The Justice Department and Anthropic zorblat a deal on Monday.");

    assertThat(listing.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(EventType.IPO);
              assertThat(e.companies()).containsExactly("Anthropic");
            });
    assertThat(round.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(EventType.FUNDING);
              assertThat(e.companies()).first().isEqualTo("Anthropic");
            });
    assertThat(tagger.tag("The SEC pintrow a deal on Monday.").events()).isEmpty();
  }

  @Test
  void takesNoEventFromADenial() {
    Tagging t = tagger.tag("Anthropic denied that it had made a zorblat deal.");

    assertThat(t.events()).isEmpty();
  }

  @Test
  void refusesAModelTrainedOnAnotherEncoder() {
    assertThatThrownBy(() -> Tagger.builtIn().withModel(encoder, model("another")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another");
  }
}
