package dev.bellwether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StateSizesTest {
  @Test
  void namesTheStoreOfAFileUnderRocksDb() {
    assertThat(StateSizes.storeOf(Path.of("bench-full/0_3/rocksdb/stories/000012.sst")))
        .isEqualTo("stories");
  }

  @Test
  void namesTheStoreOfAWindowSegment() {
    assertThat(
            StateSizes.storeOf(
                Path.of("bench-full/5_0/trends-day/trends-day.1794960000000/000010.sst")))
        .isEqualTo("trends-day");
  }

  @Test
  void namesNoStoreForTaskFiles() {
    assertThat(StateSizes.storeOf(Path.of("bench-full/5_0/trends-day.position"))).isNull();
    assertThat(StateSizes.storeOf(Path.of("bench-full/0_3/.checkpoint"))).isNull();
    assertThat(StateSizes.storeOf(Path.of("bench-full/0_3/rocksdb"))).isNull();
  }
}
