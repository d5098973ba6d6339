package dev.bellwether.core.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Gathers the parts of one {@link DetectedEvent} while the cues read a sentence. */
final class EventBuilder {
  private final EventType type;
  private final SentenceContext sentence;
  private final List<String> companies = new ArrayList<>();
  private final Map<String, String> facts = new LinkedHashMap<>();
  private @Nullable EventStatus status; // set by a cue; else the sentence's, at the cue
  private int cueAt = -1;
  private boolean ended;
  private boolean relaxed;
  private int cues = 1;
  private String cue;

  EventBuilder(EventType type, SentenceContext sentence) {
    this.type = type;
    this.sentence = sentence;
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
    if (cue != null && !cue.isEmpty()) {
      cueAt = sentence.lower().indexOf(cue.toLowerCase(java.util.Locale.ROOT));
    }
    return this;
  }

  EventBuilder cues(int cues) {
    this.cues = cues;
    return this;
  }

  DetectedEvent build() {
    EventStatus status = this.status != null ? this.status : sentence.status(cueAt);
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
