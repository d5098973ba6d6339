package dev.bellwether.bench.load;

import dev.bellwether.bench.load.ArticleTemplates.Kind;
import dev.bellwether.bench.load.ArticleTemplates.Template;
import dev.bellwether.schemas.avro.FeedItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Feed items that read like AI-industry news: funding rounds, acquisitions, partnerships, IPOs and
 * export controls about companies the watchlist follows, each story retold by one to four outlets
 * in different words some items later, with some items that report nothing. Every item has a URL
 * and id of its own, so deduplication passes it. The same seed gives the same items.
 */
public final class ArticleGenerator {
  private static final List<String> STARTUPS =
      List.of(
          "OpenAI",
          "Anthropic",
          "xAI",
          "Mistral AI",
          "Safe Superintelligence",
          "Thinking Machines Lab",
          "Cohere",
          "Perplexity",
          "Scale AI",
          "Databricks",
          "Cerebras",
          "Groq",
          "CoreWeave",
          "Crusoe",
          "Nebius",
          "Hugging Face",
          "Stability AI",
          "Runway",
          "Figure AI",
          "Cursor",
          "Cognition",
          "Harvey",
          "Glean",
          "Sierra",
          "Replit",
          "ElevenLabs",
          "Poolside",
          "Lovable",
          "Moonshot AI",
          "Zhipu AI",
          "MiniMax",
          "Sakana AI");
  private static final List<String> INVESTORS =
      List.of(
          "SoftBank",
          "Nvidia",
          "Microsoft",
          "Amazon",
          "Google",
          "Salesforce",
          "Tencent",
          "Alibaba");
  private static final List<String> ACQUIRERS =
      List.of(
          "Nvidia",
          "Microsoft",
          "Apple",
          "Amazon",
          "Meta",
          "Salesforce",
          "AMD",
          "Qualcomm",
          "Databricks",
          "Snowflake",
          "Oracle",
          "IBM");
  private static final List<String> PARTNERS =
      List.of("Oracle", "Microsoft", "Amazon", "Google", "Nvidia", "AMD", "Apple", "Samsung");
  private static final List<String> CONTROL_TARGETS =
      List.of(
          "DeepSeek",
          "Moonshot AI",
          "Zhipu AI",
          "MiniMax",
          "Baichuan",
          "StepFun",
          "iFlytek",
          "SenseTime",
          "Cambricon",
          "Sophgo",
          "Kunlunxin");
  private static final List<String> OUTLETS =
      List.of(
          "TechWire",
          "The Ledger",
          "Chip Report",
          "Policy Desk",
          "Asia AI Daily",
          "Valley Post",
          "Compute Weekly",
          "Market Desk",
          "Frontier Brief",
          "Deal Street",
          "Silicon Times",
          "Model Monitor");
  private static final Kind[] EVENT_KINDS = {
    Kind.FUNDING,
    Kind.FUNDING,
    Kind.FUNDING,
    Kind.ACQUISITION,
    Kind.PARTNERSHIP,
    Kind.PARTNERSHIP,
    Kind.IPO,
    Kind.EXPORT_CONTROL
  };

  /** The share of items that report no event. */
  static final double NOISE_SHARE = 0.1;

  /** The most items between a story's first report and a retelling. */
  static final int RETELL_SPREAD = 400;

  private record Story(
      Kind kind, String lead, String other, long amountMillions, int outletIndex) {}

  private record Retelling(long due, Story story, int outlet) {}

  private final SplittableRandom random;
  private final ArticleTemplates templates;
  private final Instant firstPublished;
  private final Duration step;
  private final String seedTag;
  private final PriorityQueue<Retelling> retellings =
      new PriorityQueue<>((a, b) -> Long.compare(a.due(), b.due()));
  private long index;

  /**
   * Items whose publication times start at {@code firstPublished} and advance by {@code step} each
   * (the simulated clock of the stories: a story closes 72 h of these after its first report).
   */
  public ArticleGenerator(long seed, Instant firstPublished, Duration step) {
    this.random = new SplittableRandom(seed);
    this.templates = ArticleTemplates.builtIn();
    this.firstPublished = firstPublished;
    this.step = step;
    this.seedTag = Long.toString(seed, 36);
  }

  /** How many items this generator has made. */
  public long generated() {
    return index;
  }

  public FeedItem next() {
    long i = index++;
    Retelling due = retellings.peek();
    if (due != null && due.due() <= i) {
      retellings.poll();
      return item(i, due.story(), due.outlet());
    }
    if (random.nextDouble() < NOISE_SHARE) {
      String company = pick(STARTUPS);
      return item(i, new Story(Kind.NOISE, company, "", 0, 0), random.nextInt(OUTLETS.size()));
    }
    Story story = newStory();
    int tellers = 1 + random.nextInt(4);
    for (int t = 1; t < tellers; t++) {
      int outlet = (story.outletIndex() + t) % OUTLETS.size();
      retellings.add(new Retelling(i + 1 + random.nextInt(RETELL_SPREAD), story, outlet));
    }
    return item(i, story, story.outletIndex());
  }

  private Story newStory() {
    Kind kind = EVENT_KINDS[random.nextInt(EVENT_KINDS.length)];
    String lead = kind == Kind.EXPORT_CONTROL ? pick(CONTROL_TARGETS) : pick(STARTUPS);
    List<String> others =
        switch (kind) {
          case FUNDING -> INVESTORS;
          case ACQUISITION -> ACQUIRERS;
          case PARTNERSHIP -> PARTNERS;
          default -> List.of("");
        };
    String other = pick(others);
    while (other.equals(lead)) {
      other = pick(others);
    }
    long amount = (long) Math.pow(10, 1 + random.nextDouble() * 3.6); // $10M to about $40B
    return new Story(kind, lead, other, amount, random.nextInt(OUTLETS.size()));
  }

  private FeedItem item(long i, Story story, int outletIndex) {
    List<Template> choices = templates.of(story.kind());
    Template template = choices.get((int) ((i * 7 + outletIndex) % choices.size()));
    Instant published = firstPublished.plus(step.multipliedBy(i));
    Map<String, String> slots =
        Map.of(
            "{A}", story.lead(),
            "{B}", story.other(),
            "{AMT}", money(story.amountMillions()),
            "{VAL}", money(story.amountMillions() * 12),
            "{DAY}", weekday(published));
    String outlet = OUTLETS.get(outletIndex);
    String host = outlet.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
    String url = "https://" + host + "/" + seedTag + "/" + i;
    return FeedItem.newBuilder()
        .setId(sha256(url))
        .setSourceId(host)
        .setSourceType("rss")
        .setOutlet(outlet)
        .setUrl(url)
        .setTitle(fill(template.title(), slots))
        .setSummary(fill(template.summary(), slots))
        .setPublished(published)
        .setDiscovered(published)
        .build();
  }

  /** Money as news writes it: "$350 million", "$1.2 billion". */
  static String money(long millions) {
    if (millions < 1000) {
      return "$" + millions + " million";
    }
    long tenths = Math.round(millions / 100.0);
    return tenths % 10 == 0
        ? "$" + tenths / 10 + " billion"
        : "$" + tenths / 10 + "." + tenths % 10 + " billion";
  }

  private static String weekday(Instant published) {
    DayOfWeek day = published.atZone(ZoneOffset.UTC).getDayOfWeek();
    return day.getDisplayName(TextStyle.FULL, Locale.ROOT);
  }

  private static String fill(String template, Map<String, String> slots) {
    String text = template;
    for (Map.Entry<String, String> slot : slots.entrySet()) {
      text = text.replace(slot.getKey(), slot.getValue());
    }
    return text;
  }

  private String pick(List<String> names) {
    return names.get(random.nextInt(names.size()));
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
