package dev.bellwether.processors.trends;

/** What the trends API asks: counts for every key, or for this instance's own keys. */
public interface TrendsAnswers {
  /**
   * @throws TrendsUnavailable when the answer cannot be complete now
   */
  Trends query(TrendsRequest request);

  /**
   * @throws TrendsUnavailable when the local stores cannot be read now
   */
  Trends queryLocal(TrendsRequest request);
}
