package dev.bellwether.core.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
  @Test
  void separatesTwoClustersAndGivesProbabilitiesNearTheirShare() {
    Random random = new Random(7);
    int n = 400;
    float[][] x = new float[n][];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 4 == 0; // a quarter positive
      float centre = y[i] ? 1f : -1f;
      x[i] =
          new float[] {
            centre + (float) random.nextGaussian() * 0.3f, (float) random.nextGaussian()
          };
    }

    float[] w = new LogisticRegression(1e-4, 300, 0.05).train(x, y);

    assertThat(LogisticRegression.probability(w, new float[] {1f, 0f})).isGreaterThan(0.9);
    assertThat(LogisticRegression.probability(w, new float[] {-1f, 0f})).isLessThan(0.1);
    assertThat(LogisticRegression.probability(w, new float[] {0f, 0f})).isBetween(0.05, 0.6);
  }

  @Test
  void isDeterministic() {
    float[][] x = {{1, 0}, {0, 1}, {1, 1}, {0, 0}};
    boolean[] y = {true, false, true, false};
    LogisticRegression lr = new LogisticRegression(1e-3, 50, 0.1);

    assertThat(lr.train(x, y)).containsExactly(lr.train(x, y));
  }

  @Test
  void refusesMismatchedLabelsAndBadSettings() {
    assertThatThrownBy(
            () -> new LogisticRegression(1e-3, 10, 0.1).train(new float[2][2], new boolean[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LogisticRegression(-1, 10, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
