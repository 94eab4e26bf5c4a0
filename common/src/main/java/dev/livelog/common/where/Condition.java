package dev.livelog.common.where;

import java.util.List;

/**
 * A test on one field's value, as a {@code where:} clause writes it. The analyzer evaluates
 * conditions on live events; the stores translate them into SQL or a MongoDB match.
 * Values compare as text, numbers numerically; an absent field reads as empty text.
 */
public sealed interface Condition {
  /** Equal to a value: numerically when the value is a number, else as text. */
  record Equals(Object value) implements Condition {}

  /** Equal to any of the values. */
  record In(List<Object> values) implements Condition {}

  /** The text form matches the regex somewhere. */
  record Regex(String pattern) implements Condition {}

  /** A number within [min, max]; either bound may be null. */
  record Range(Double min, Double max) implements Condition {}

  /** Present (not absent), or absent. */
  record Present(boolean present) implements Condition {}

  record Not(Condition condition) implements Condition {}

  /** Every one of the conditions, e.g. {@code {min: 1, max: 5}}. */
  record All(List<Condition> conditions) implements Condition {}

  /**
   * The condition on each try: for a list (nginx's per-try upstream variables, one entry per
   * server tried) one of its entries meets it, for any other value the value does. The events
   * of a series keyed by a per-try field ({@code by: upstream_addr}) are those with a try of
   * that key.
   */
  record AnyTry(Condition condition) implements Condition {}

  /**
   * At least {@code tries} tries: a list of so many entries or more, a single value counting
   * one, an absent field none. At least 2 is a retried request.
   */
  record AtLeastTries(int tries) implements Condition {}
}
