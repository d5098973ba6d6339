package dev.bellwether.processors.trends;

import dev.bellwether.schemas.TrendSeries;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * How an instance asks another for the counts in that one's own stores. Called on the thread that
 * asks (an HTTP request's), never on a stream thread.
 */
@FunctionalInterface
public interface TrendsPeers {
  /**
   * @throws TrendsUnavailable if {@code peer} does not give a full answer in time
   */
  List<TrendSeries> fetch(HostInfo peer, TrendsRequest request);
}
