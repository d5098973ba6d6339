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
  void namesNoStoreForTaskFiles() {
    assertThat(StateSizes.storeOf(Path.of("bench-full/0_3/.checkpoint"))).isNull();
    assertThat(StateSizes.storeOf(Path.of("bench-full/0_3/rocksdb"))).isNull();
  }
}
