package dev.bellwether.app.ops;

import java.util.Optional;

/** One condition a role needs before it is ready; called on HTTP threads, so keep it quick. */
@FunctionalInterface
public interface ReadinessCheck {
  /** What is not ready, in one short sentence; empty when ready. */
  Optional<String> problem();
}
