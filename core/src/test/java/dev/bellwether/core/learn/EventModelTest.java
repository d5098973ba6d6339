package dev.bellwether.core.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.core.tagging.EventType;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventModelTest {
  static EventModel model(int dimension) {
    Map<EventType, float[]> weights = new EnumMap<>(EventType.class);
    Map<EventType, Double> thresholds = new EnumMap<>(EventType.class);
    for (EventType t : EventType.values()) {
      float[] w = new float[dimension + 1];
      w[t.ordinal() % dimension] = 8f;
      w[dimension] = -4f;
      weights.put(t, w);
      thresholds.put(t, 0.6);
    }
    return new EventModel(
        "test-encoder",
        dimension,
        0,
        "sha256:abc",
        "bellwether train --data x",
        weights,
        thresholds);
  }

  @Test
  void writesAndReadsBackTheSameModel() throws Exception {
    EventModel model = model(5);
    StringWriter out = new StringWriter();
    model.write(out);

    EventModel read = EventModel.read(new BufferedReader(new StringReader(out.toString())));

    assertThat(read.encoder()).isEqualTo("test-encoder");
    assertThat(read.data()).isEqualTo("sha256:abc");
    assertThat(read.command()).isEqualTo("bellwether train --data x");
    float[] v = {1, 0, 0, 0, 0};
    for (EventType t : EventType.values()) {
      assertThat(read.threshold(t)).isEqualTo(0.6);
      assertThat(read.probability(t, v))
          .isCloseTo(model.probability(t, v), org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void refusesAMalformedFileWithItsLine() {
    String text = "encoder e\ndimension 2\nweights FUNDING 1 2\n";

    assertThatThrownBy(() -> EventModel.read(new BufferedReader(new StringReader(text))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line");
  }

  @Test
  void refusesAVectorOfAnotherDimension() {
    assertThatThrownBy(() -> model(3).probability(EventType.IPO, new float[2]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
