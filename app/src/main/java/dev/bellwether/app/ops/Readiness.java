package dev.bellwether.app.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named checks a role is ready by. Checks are added as the role's parts start; a role is not
 * ready before its first check is added, nor once it is stopping. Thread-safe.
 */
public final class Readiness {
  /** What a readiness request answers: ready, or what is not. */
  public record Report(boolean ready, Map<String, String> notReady) {
    public Report {
      notReady = Map.copyOf(notReady);
    }
  }

  private final Map<String, ReadinessCheck> checks = new ConcurrentHashMap<>();
  private volatile String phase = "starting";

  /** Adds or replaces the check called {@code name}. */
  public void require(String name, ReadinessCheck check) {
    checks.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check, "check"));
  }

  /** Every part has started: from now on the checks alone decide. */
  public void started() {
    phase = "running";
  }

  /** The role is shutting down: never ready again. */
  public void stopping() {
    phase = "stopping";
  }

  public Report check() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (!phase.equals("running")) {
      problems.put("role", "the role is " + phase);
    }
    checks.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> problemOf(e.getValue()).ifPresent(p -> problems.put(e.getKey(), p)));
    return new Report(problems.isEmpty(), problems);
  }

  private static Optional<String> problemOf(ReadinessCheck check) {
    try {
      return check.problem();
    } catch (RuntimeException e) {
      return Optional.of("the check failed: " + e);
    }
  }
}
