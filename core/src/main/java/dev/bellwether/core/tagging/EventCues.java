package dev.bellwether.core.tagging;

import java.util.List;

/** The lexical cues of one event type: reads the events of that type in one sentence. */
interface EventCues {
  EventType type();

  List<DetectedEvent> detect(SentenceContext sentence);
}
