package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.bellwether.core.eval.LabeledItem;
import dev.bellwether.core.eval.Predictions;
import dev.bellwether.core.eval.Scorecard;
import dev.bellwether.core.tagging.Tagger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in tagger (rules, organizations and the learned model) against the held-out test split
 * of data/events and the shared dev set: it fails when a change makes tagging worse than what was
 * measured when the model was chosen (issue 18; docs/tagging.md). The issue asks for more (core F1
 * 0.90 on the test split): these floors are where Bellwether stands, not where it should end.
 */
class TaggingQualityTest {
  private static final Path TEST_SPLIT = Path.of("../data/events/test.jsonl");
  private static final Path SHARED_DEV = Path.of("../../shared/eval/events-dev.jsonl");

  private final Tagger tagger = Knowledge.withModel(Knowledge.tagger(null, null), "builtin");

  @Test
  void theHeldOutTestSplitStaysAtItsMeasuredLevel() {
    Scorecard s = score(TEST_SPLIT);

    assertThat(s.core().f1()).as("core F1").isGreaterThanOrEqualTo(0.79);
    assertThat(s.micro().f1()).as("micro F1").isGreaterThanOrEqualTo(0.79);
    assertThat(s.companies().f1()).as("companies F1").isGreaterThanOrEqualTo(0.91);
    assertThat(s.companies().precision()).as("companies precision").isGreaterThanOrEqualTo(0.95);
    assertThat(s.fieldAccuracy()).as("fields").isGreaterThanOrEqualTo(0.66);
  }

  @Test
  void theSharedDevSetStaysAtLeastAt093CoreF1() {
    assumeThat(Files.exists(SHARED_DEV)).as("../shared/eval is not beside the project").isTrue();

    Scorecard s = score(SHARED_DEV);

    assertThat(s.core().f1()).as("core F1").isGreaterThanOrEqualTo(0.93);
    assertThat(s.companies().f1()).as("companies F1").isGreaterThanOrEqualTo(0.97);
  }

  private Scorecard score(Path file) {
    List<LabeledItem> gold = EvalCommand.readGold(file);
    List<LabeledItem> predicted =
        gold.stream().map(i -> Predictions.of(i.id(), tagger.tag(i.text()))).toList();
    return Scorecard.score(gold, predicted);
  }
}
