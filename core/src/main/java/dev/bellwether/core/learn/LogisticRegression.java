package dev.bellwether.core.learn;

import java.util.Arrays;

/**
 * A binary logistic regression trained by full-batch gradient descent with Adam and an L2 penalty.
 * Rows count equally, so that its probabilities keep the data's own proportion of positives (they
 * are calibrated, not rebalanced). Deterministic: the same data give the same weights.
 */
public final class LogisticRegression {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final double l2;
  private final int epochs;
  private final double rate;

  /**
   * @param l2 the penalty on the squared weights (not the bias)
   * @param epochs passes over the data
   * @param rate Adam's step size
   */
  public LogisticRegression(double l2, int epochs, double rate) {
    if (l2 < 0 || epochs < 1 || rate <= 0) {
      throw new IllegalArgumentException("l2 >= 0, epochs >= 1 and rate > 0 are needed");
    }
    this.l2 = l2;
    this.epochs = epochs;
    this.rate = rate;
  }

  /** The weights, bias last, for rows {@code x} labeled {@code y}. */
  public float[] train(float[][] x, boolean[] y) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("as many labels as rows, and at least one row");
    }
    int d = x[0].length;
    double[] w = new double[d + 1];
    double[] m = new double[d + 1];
    double[] v = new double[d + 1];
    double[] grad = new double[d + 1];
    for (int epoch = 1; epoch <= epochs; epoch++) {
      Arrays.fill(grad, 0);
      for (int i = 0; i < x.length; i++) {
        double p = sigmoid(score(w, x[i]));
        double err = p - (y[i] ? 1 : 0);
        float[] row = x[i];
        for (int j = 0; j < d; j++) {
          grad[j] += err * row[j];
        }
        grad[d] += err;
      }
      for (int j = 0; j <= d; j++) {
        double g = grad[j] / x.length + (j < d ? l2 * w[j] : 0);
        m[j] = BETA1 * m[j] + (1 - BETA1) * g;
        v[j] = BETA2 * v[j] + (1 - BETA2) * g * g;
        double mHat = m[j] / (1 - Math.pow(BETA1, epoch));
        double vHat = v[j] / (1 - Math.pow(BETA2, epoch));
        w[j] -= rate * mHat / (Math.sqrt(vHat) + EPSILON);
      }
    }
    float[] out = new float[d + 1];
    for (int j = 0; j <= d; j++) {
      out[j] = (float) w[j];
    }
    return out;
  }

  /** The probability that a row with these weights (bias last) is positive. */
  public static double probability(float[] weights, float[] row) {
    double s = weights[row.length];
    for (int j = 0; j < row.length; j++) {
      s += weights[j] * row[j];
    }
    return sigmoid(s);
  }

  private static double score(double[] w, float[] row) {
    double s = w[row.length];
    for (int j = 0; j < row.length; j++) {
      s += w[j] * row[j];
    }
    return s;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
