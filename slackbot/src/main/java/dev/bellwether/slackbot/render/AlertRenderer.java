package dev.bellwether.slackbot.render;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.util.json.GsonFactory;
import dev.bellwether.schemas.FactValues;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertKind;
import dev.bellwether.schemas.avro.AlertSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders an alert as Block Kit plus a plain-text fallback. Pure: no I/O, no clock. */
public final class AlertRenderer {
  /** Facts shown, in this order, with their labels. */
  static final Map<String, String> FACTS = FactValues.LABELS;

  private static final int HEADER_MAX = 150;
  private static final int SECTION_MAX = 3000;
  private static final int MAX_SOURCES = 10;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Gson GSON =
      GsonFactory.createSnakeCase().newBuilder().disableHtmlEscaping().create();

  private AlertRenderer() {}

  public static RenderedAlert render(Alert alert) {
    return new RenderedAlert(fallback(alert), blocks(alert));
  }

  /** The Block Kit JSON of a rendering, as {@code chat.postMessage} sends it. */
  public static String blocksJson(RenderedAlert rendered) {
    return GSON.toJson(rendered.blocks());
  }

  static List<LayoutBlock> blocks(Alert alert) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(truncate(alert.getHeadline(), HEADER_MAX)))));
    blocks.add(context(c -> c.elements(List.of(markdownText(kindLine(alert))))));
    List<TextObject> fields = factFields(alert);
    if (!fields.isEmpty()) {
      blocks.add(section(s -> s.fields(fields)));
    }
    if (!alert.getSummary().isBlank()) {
      blocks.add(
          section(
              s -> s.text(markdownText(truncate(Mrkdwn.escape(alert.getSummary()), SECTION_MAX)))));
    }
    blocks.add(section(s -> s.text(markdownText(truncate(sourcesLine(alert), SECTION_MAX)))));
    blocks.add(divider());
    blocks.add(context(c -> c.elements(List.of(markdownText(whyLine(alert))))));
    return blocks;
  }

  static String fallback(Alert alert) {
    StringBuilder text = new StringBuilder();
    text.append(alert.getKind() == AlertKind.UPDATE ? "Update: " : "")
        .append(Mrkdwn.escape(alert.getHeadline()))
        .append(" (")
        .append(typeAndStatus(alert))
        .append(")");
    for (Map.Entry<String, String> fact : presentFacts(alert).entrySet()) {
      text.append(" · ").append(fact.getKey()).append(": ").append(Mrkdwn.escape(fact.getValue()));
    }
    return text.toString();
  }

  private static String kindLine(Alert alert) {
    return "*"
        + (alert.getKind() == AlertKind.UPDATE ? "UPDATE" : "NEW")
        + "* · "
        + typeAndStatus(alert)
        + " · "
        + Mrkdwn.escape(String.join(", ", alert.getCompanies()))
        + " · first seen "
        + TIME.format(alert.getFirstSeen());
  }

  static String typeAndStatus(Alert alert) {
    String type = alert.getEventType().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String status = alert.getStatus().name().toLowerCase(Locale.ROOT);
    String flag = alert.getEnded() ? ", ended" : alert.getRelaxed() ? ", relaxed" : "";
    return type + ", " + status + flag;
  }

  private static List<TextObject> factFields(Alert alert) {
    List<TextObject> fields = new ArrayList<>();
    presentFacts(alert)
        .forEach(
            (label, value) -> {
              String conflict = alert.getConflicts().get(keyOf(label));
              String shown = Mrkdwn.escape(value);
              if (conflict != null && !conflict.isBlank()) {
                shown += "\n_also reported: " + Mrkdwn.escape(conflict) + "_";
              }
              fields.add(markdownText(truncate("*" + label + "*\n" + shown, 2000)));
            });
    return fields.size() > 10 ? fields.subList(0, 10) : fields;
  }

  /** Label → shown value of the facts present, in {@link #FACTS} order. */
  static Map<String, String> presentFacts(Alert alert) {
    Map<String, String> present = new LinkedHashMap<>();
    FACTS.forEach(
        (key, label) -> {
          String value = alert.getFacts().get(key);
          if (value != null && !value.isBlank()) {
            present.put(label, key.endsWith("_usd") ? FactValues.usd(value) : value);
          }
        });
    return present;
  }

  private static String keyOf(String label) {
    return FACTS.entrySet().stream()
        .filter(e -> e.getValue().equals(label))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(label);
  }

  private static String sourcesLine(Alert alert) {
    List<String> links = new ArrayList<>();
    List<AlertSource> sources = alert.getSources();
    for (AlertSource source : sources.subList(0, Math.min(MAX_SOURCES, sources.size()))) {
      links.add(Mrkdwn.link(source.getUrl(), source.getOutlet()));
    }
    String more =
        sources.size() > MAX_SOURCES ? " and " + (sources.size() - MAX_SOURCES) + " more" : "";
    return "*Sources (" + sources.size() + "):* " + String.join(" · ", links) + more;
  }

  private static String whyLine(Alert alert) {
    String reason = alert.getReason().isBlank() ? "" : " · " + Mrkdwn.escape(alert.getReason());
    return "Why: rule `"
        + Mrkdwn.escape(alert.getRuleId())
        + "` (v"
        + alert.getRuleVersion()
        + ", "
        + alert.getSeverity().name().toLowerCase(Locale.ROOT)
        + ")"
        + reason;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
