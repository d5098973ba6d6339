package dev.bellwether.core.org;

import dev.bellwether.core.org.OrgMention.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Why a candidate names an organization, strongest first, and the kind each reason gives. A name
 * mentioned several times takes the strongest reason of any mention.
 */
enum Evidence {
  /** One of the well-known organizations outside technology. */
  LISTED(Kind.OTHER),
  /** A finance, government, academic or media keyword in the name ("Menlo Ventures"). */
  OTHER_NAME(Kind.OTHER),
  /** A technology keyword ends the name ("Black Forest Labs"). */
  TECH_NAME(Kind.TECH),
  /** Words around it call it an investor, fund, agency... ("led by X", "X, the venture firm"). */
  OTHER_CONTEXT(Kind.OTHER),
  /** Words around it call it a startup, company, chipmaker... ("AI startup X"). */
  TECH_CONTEXT(Kind.TECH),
  /** It raises, acquires, is acquired, invests, partners ("X raised", "to buy X"). */
  EVENT(Kind.TECH),
  /** Nothing says it is an organization. */
  NONE(null);

  private final @Nullable Kind kind;

  Evidence(@Nullable Kind kind) {
    this.kind = kind;
  }

  boolean found() {
    return this != NONE;
  }

  /** The kind this reason gives; only for found evidence. */
  Kind kind() {
    if (kind == null) {
      throw new IllegalStateException("no kind without evidence");
    }
    return kind;
  }

  /** Whether the reason lies only in the words around the name. */
  boolean fromContext() {
    return this == OTHER_CONTEXT || this == TECH_CONTEXT || this == EVENT;
  }

  Evidence or(Evidence other) {
    return ordinal() <= other.ordinal() ? this : other;
  }
}
