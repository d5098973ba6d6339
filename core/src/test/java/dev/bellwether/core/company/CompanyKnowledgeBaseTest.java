package dev.bellwether.core.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bellwether.core.ConfigException;
import dev.bellwether.core.tagging.CompanyMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyKnowledgeBaseTest {
  private static final CompanyKnowledgeBase KB = CompanyKnowledgeBase.builtIn();

  private static List<String> companies(String text) {
    return KB.findMentions(text).stream().map(CompanyMention::company).toList();
  }

  @Test
  void loadsAtLeastSixtyCompaniesWithGroups() {
    assertThat(KB.companies()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(KB.group("frontier-labs")).contains("OpenAI", "Anthropic", "Google", "xAI");
    assertThat(KB.group("chinese-ai")).contains("DeepSeek", "Alibaba", "Moonshot AI", "Zhipu AI");
    assertThat(KB.group("chipmakers")).contains("Nvidia", "TSMC", "ASML", "SMIC");
    assertThat(KB.group("hyperscalers")).contains("Amazon", "Microsoft", "Google");
    assertThat(KB.group("no-such-group")).isEmpty();
  }

  @Test
  void findsCompaniesByCanonicalName() {
    assertThat(KB.byName("Nvidia"))
        .get()
        .satisfies(c -> assertThat(c.ciks()).contains("0001045810"));
    assertThat(KB.byName("Nvidia Corp")).isEmpty();
  }

  @Test
  void mapsClaudeToAnthropic() {
    assertThat(companies("Anthropic's Claude now writes code."))
        .containsExactly("Anthropic", "Anthropic");
  }

  @Test
  void mapsProductsAndAliasesToCanonicalNames() {
    assertThat(companies("ChatGPT, Gemini, Qwen, AWS, Facebook and NVIDIA chips"))
        .containsExactly("OpenAI", "Google", "Alibaba", "Amazon", "Meta", "Nvidia");
  }

  @Test
  void prefersTheLongestMatchWithoutOverlaps() {
    List<CompanyMention> mentions = KB.findMentions("Google DeepMind and Amazon Web Services");
    assertThat(mentions)
        .extracting(CompanyMention::surface)
        .containsExactly("Google DeepMind", "Amazon Web Services");
  }

  @Test
  void matchesWholeWordsOnly() {
    assertThat(companies("Intelligence and Metaverse talk; OpenAI's plans"))
        .containsExactly("OpenAI");
  }

  @Test
  void doesNotTakeTheGeminiCryptoExchangeForGoogle() {
    assertThat(companies("The Winklevoss twins said Gemini, the crypto exchange, grew.")).isEmpty();
    assertThat(companies("Google said Gemini will power its assistant."))
        .containsExactly("Google", "Google");
  }

  @Test
  void doesNotTakeLowercaseAppleOrMetaForCompanies() {
    assertThat(companies("He ate an apple while discussing meta questions.")).isEmpty();
    assertThat(companies("Apple and Meta talk.")).containsExactly("Apple", "Meta");
  }

  @Test
  void namesSeparatelyBrandedUnitsAsCompaniesOfTheirOwn() {
    assertThat(companies("ByteDance may sell TikTok; Baidu's chip unit Kunlunxin plans a listing."))
        .containsExactly("ByteDance", "TikTok", "Baidu", "Kunlunxin");
    assertThat(companies("Intel agreed to buy Habana Labs."))
        .containsExactly("Intel", "Habana Labs");
  }

  @Test
  void knowsCursorByTheNameItGoesBy() {
    assertThat(companies("Anysphere, the maker of the AI code editor Cursor, raised money."))
        .containsExactly("Cursor", "Cursor");
    assertThat(companies("Move the Cursor to the left.")).isEmpty();
  }

  @Test
  void mapsIosToApple() {
    assertThat(companies("It debuted a standalone iOS app.")).containsExactly("Apple");
  }

  @Test
  void doesNotTakeTheAmazonRainforestForAmazon() {
    assertThat(companies("Fires spread across the Amazon rainforest.")).isEmpty();
    assertThat(companies("The Amazon river basin floods.")).isEmpty();
    assertThat(companies("Amazon invests in Anthropic.")).containsExactly("Amazon", "Anthropic");
  }

  @Test
  void readsOpenAiModelNamesOnlyInContext() {
    assertThat(companies("OpenAI released the o3 reasoning model."))
        .containsExactly("OpenAI", "OpenAI");
    assertThat(companies("Route o3 goes north.")).isEmpty();
  }

  @Test
  void refusesKnowledgeBaseListingEveryProblem() {
    String yaml =
        """
        companies:
          - name: Acme
            aliases: [Acme Corp]
            ciks: ['123']
            colour: red
          - aliases: [Nameless]
          - name: Acme
          - name: Other
            aliases: [Acme Corp]
            ambiguous:
              Missing: {case-sensitive: maybe}
        """;
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> CompanyKnowledgeBase.parse(yaml, "kb.yaml"));
    assertThat(e.problems())
        .hasSize(7)
        .allSatisfy(p -> assertThat(p).startsWith("kb.yaml:"))
        .anySatisfy(p -> assertThat(p).contains("kb.yaml:4:").contains("ten digits"))
        .anySatisfy(p -> assertThat(p).contains("unknown key 'colour'"))
        .anySatisfy(p -> assertThat(p).contains("kb.yaml:6:").contains("no 'name'"))
        .anySatisfy(p -> assertThat(p).contains("listed twice"))
        .anySatisfy(p -> assertThat(p).contains("'Acme Corp' names both Acme and Other"))
        .anySatisfy(p -> assertThat(p).contains("true or false"))
        .anySatisfy(p -> assertThat(p).contains("'Missing' is not a name"));
  }

  @Test
  void reportsInvalidYamlWithItsLine() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> CompanyKnowledgeBase.parse("companies:\n  - [a\n", "x.yaml"));
    assertThat(e.problems())
        .singleElement()
        .asString()
        .startsWith("x.yaml:")
        .contains("not valid YAML");
  }
}
