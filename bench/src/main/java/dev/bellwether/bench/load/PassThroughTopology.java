package dev.bellwether.bench.load;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The yardstick: the same records read and written once, unchanged (identity map on bytes), so its
 * throughput is what Kafka and Kafka Streams themselves do on the machine.
 */
final class PassThroughTopology {
  static final String INPUT = "bench.pass-through-in";
  static final String OUTPUT = "bench.pass-through-out";

  private PassThroughTopology() {}

  static Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(INPUT, Consumed.with(Serdes.Bytes(), Serdes.Bytes()).withName("read-input"))
        .mapValues((Bytes value) -> value, Named.as("identity"))
        .to(OUTPUT, Produced.with(Serdes.Bytes(), Serdes.Bytes()).withName("write-output"));
    return builder.build();
  }
}
