package dev.bellwether.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.core.ConfigException;
import dev.bellwether.core.company.CompanyKnowledgeBase;
import org.junit.jupiter.api.Test;

class CueBookTest {
  private static final String BUILT_IN = CompanyKnowledgeBase.resource(CueBook.BUILT_IN);

  @Test
  void theBuiltInCuesLoad() {
    CueBook book = CueBook.builtIn();
    assertThat(book.pattern("funding", "raise").in("it raised money")).isTrue();
    assertThat(book.table("authorities")).containsKey("US Commerce/BIS");
    assertThat(book.words("not-organizations")).contains("Analysts", "South Korea");
    assertThat(book.words("abbreviations")).contains("inc", "u.s", "no");
  }

  @Test
  void aSentenceIsReadOnlyForTheTypesWhoseTriggersItHas() {
    CueBook book = CueBook.builtIn();
    String s = "Anthropic raised $3.5 billion in a round led by Lightspeed.";
    int types = book.typesToRead(book.triggerFlags(s, 0, s.length()));
    assertThat(types & CueBook.flag(EventType.FUNDING)).isNotZero();
    assertThat(types & CueBook.flag(EventType.IPO)).isZero();
  }

  @Test
  void anExportControlNeedsAWordOfEachOfItsTwoTriggerLists() {
    CueBook book = CueBook.builtIn();
    String onlyControl = "The firm said quality control was tightened at the plant.";
    String both = "Washington tightened controls on chip exports to China.";
    assertThat(typesOf(book, onlyControl) & CueBook.flag(EventType.EXPORT_CONTROL)).isZero();
    assertThat(typesOf(book, both) & CueBook.flag(EventType.EXPORT_CONTROL)).isNotZero();
    long words = book.triggerFlags(both, 0, both.length());
    assertThat(CueBook.mayNeedNoCompany(typesOf(book, both), words)).isTrue();
  }

  @Test
  void aPatternWithItsOwnTriggersIsOnlyTriedWhenOneIsPresent() {
    CueBook book = CueBook.builtIn();
    var negated = book.pattern("status", "negated");
    String denial = "OpenAI denied the report.";
    String plain = "OpenAI raised money.";
    assertThat(book.mayMatch(negated, book.triggerFlags(denial, 0, denial.length()))).isTrue();
    assertThat(book.mayMatch(negated, book.triggerFlags(plain, 0, plain.length()))).isFalse();
    assertThat(book.mayMatch(book.pattern("funding", "raise"), 0))
        .isTrue(); // no triggers of its own
  }

  @Test
  void aPatternWithSeveralTriggerListsNeedsAWordOfEach() {
    CueBook book = CueBook.builtIn();
    var granted = book.pattern("export-control", "granted");
    String licenceOnly = "Nvidia was granted a licence for its new chip.";
    String both = "Nvidia was granted licences to sell H20 chips to China.";
    assertThat(book.mayMatch(granted, book.triggerFlags(licenceOnly, 0, licenceOnly.length())))
        .isFalse();
    assertThat(book.mayMatch(granted, book.triggerFlags(both, 0, both.length()))).isTrue();
  }

  @Test
  void reportsEveryProblemWithItsLine() {
    String broken =
        BUILT_IN
            .replace("    raise:\n", "    rise:\n")
            .replace("'\\b(?:in|into)\\b'", "'\\b(?:in|into\\b'")
            .replace("rais*,", "raise-s,")
            .replace("'(?:china|chinese|", "'{nowhere}(?:china|chinese|")
            .replace("\nipo:\n", "\nipo:\n  colour: blue\n");

    assertThatThrownBy(() -> CueBook.parse(broken, "my-cues.yaml"))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              var problems = ((ConfigException) e).problems();
              assertThat(problems)
                  .anyMatch(p -> p.matches("my-cues\\.yaml:\\d+: pattern 'rise' is not used by.*"))
                  .anyMatch(p -> p.contains("funding is missing pattern 'raise'"))
                  .anyMatch(p -> p.contains("funding.into is not a valid regular expression"))
                  .anyMatch(p -> p.contains("trigger 'raise-s' must be one word"))
                  .anyMatch(p -> p.contains("unknown key 'colour'"));
              assertThat(problems).allMatch(p -> p.startsWith("my-cues.yaml"));
            });
  }

  @Test
  void aCueBookWrittenBeforeTheOptionalPatternsStillLoads() {
    String old =
        withoutPattern(
            withoutPattern(
                withoutPattern(withoutPattern(BUILT_IN, "done"), "former-before"), "staff-after"),
            "receive");
    assertThat(old).doesNotContain("    done:", "former-before:", "staff-after:", "    receive:");

    CueBook book = CueBook.parse(old, "old-cues.yaml");

    assertThat(book.optionalPattern("status", "done")).isEmpty();
    assertThat(book.optionalPattern("context", "former-before")).isEmpty();
    assertThat(book.optionalPattern("funding", "receive")).isEmpty();
    assertThat(CueBook.builtIn().optionalPattern("status", "done")).isPresent();
  }

  /** The text without the named pattern: its line and the indented lines under it. */
  private static String withoutPattern(String yaml, String name) {
    StringBuilder out = new StringBuilder();
    boolean skipping = false;
    for (String line : yaml.split("\n", -1)) {
      if (line.equals("    " + name + ":")) {
        skipping = true;
        continue;
      }
      if (skipping && line.startsWith("      ")) {
        continue;
      }
      skipping = false;
      out.append(line).append('\n');
    }
    return out.toString();
  }

  @Test
  void anAnalystCanAddACurrency() {
    String withRinggit =
        BUILT_IN.replace(
            "  currencies:\n", "  currencies:\n    MYR: {before: [RM], after: [ringgit, MYR]}\n");
    MoneyParser money = CueBook.parse(withRinggit, "cues.yaml").money();

    assertThat(money.parse("Its data centre will cost 5 billion ringgit."))
        .singleElement()
        .satisfies(m -> assertThat(m.currency()).isEqualTo("MYR"));
    assertThat(money.parse("a RM2.5 billion deal"))
        .singleElement()
        .satisfies(m -> assertThat(m.amount()).isEqualByComparingTo("2500000000"));
  }

  @Test
  void aCurrencyMustBeAnIsoCodeWithWords() {
    String broken =
        BUILT_IN.replace(
            "  currencies:\n", "  currencies:\n    Ringgit: {after: [ringgit]}\n    MYR: {}\n");

    assertThatThrownBy(() -> CueBook.parse(broken, "c.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("currency 'Ringgit' must be an ISO code of three capitals")
        .hasMessageContaining("currency MYR needs 'before' or 'after' words");
  }

  @Test
  void aPlaceholderMustBeDefinedInTheVocabulary() {
    String broken = BUILT_IN.replace("  foreign: '", "  abroad: '");

    assertThatThrownBy(() -> CueBook.parse(broken, "c.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("uses {foreign}, which 'vocabulary' does not define");
  }

  private static int typesOf(CueBook book, String s) {
    return book.typesToRead(book.triggerFlags(s, 0, s.length()));
  }
}
