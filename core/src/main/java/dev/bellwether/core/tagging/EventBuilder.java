package dev.bellwether.core.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers the parts of one {@link DetectedEvent} while the cues read a sentence. */
final class EventBuilder {
  private final EventType type;
  private final SentenceContext sentence;
  private final List<String> companies = new ArrayList<>();
  private final Map<String, String> facts = new LinkedHashMap<>();
  private EventStatus status = EventStatus.ANNOUNCED;
  private boolean ended;
  private boolean relaxed;
  private int cues = 1;
  private String cue;

  EventBuilder(EventType type, SentenceContext sentence) {
    this.type = type;
    this.sentence = sentence;
    this.status = sentence.status();
  }

  EventBuilder company(String name) {
    if (!companies.contains(name)) {
      companies.add(name);
    }
    return this;
  }

  EventBuilder fact(String key, String value) {
    if (!value.isBlank()) {
      facts.put(key, value);
    }
    return this;
  }

  EventBuilder list(String key, List<String> values) {
    return values.isEmpty() ? this : fact(key, String.join("; ", values));
  }

  EventBuilder status(EventStatus status) {
    this.status = status;
    return this;
  }

  EventBuilder ended(boolean ended) {
    this.ended = ended;
    return this;
  }

  EventBuilder relaxed(boolean relaxed) {
    this.relaxed = relaxed;
    return this;
  }

  /** The words of the sentence that made the rule read this event ("bought", "entity list"). */
  EventBuilder because(String words) {
    this.cue = words == null ? null : words.strip();
    return this;
  }

  EventBuilder cues(int cues) {
    this.cues = cues;
    return this;
  }

  DetectedEvent build() {
    double confidence = StatusCues.confidence(sentence, cues, status);
    String why =
        "rule: "
            + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + (cue == null || cue.isEmpty() ? "" : ", '" + cue + "'");
    return new DetectedEvent(
        type,
        status,
        companies,
        facts,
        ended,
        relaxed,
        confidence,
        sentence.sentence().evidence(),
        why);
  }
}
