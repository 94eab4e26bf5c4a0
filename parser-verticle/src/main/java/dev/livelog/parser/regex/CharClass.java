package dev.livelog.parser.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of characters as {@code java.util.regex} defines it without flags: {@code .},
 * {@code \d \s \w} and their negations, single characters, and bracket classes made of
 * ranges and those, possibly negated. ASCII answers come from a table.
 */
final class CharClass {
  /** A member of a bracket class: a range of chars, or a predefined class. */
  private record Item(char from, char to, CharClass predefined) {
    boolean contains(int cp) {
      return predefined != null ? predefined.contains(cp) : cp >= from && cp <= to;
    }
  }

  static final CharClass DOT = new CharClass(List.of(new Item('\n', '\n', null),
      new Item('\r', '\r', null), new Item('\u0085', '\u0085', null),
      new Item('\u2028', '\u2029', null)), true);
  static final CharClass DIGIT = new CharClass(List.of(new Item('0', '9', null)), false);
  static final CharClass SPACE = new CharClass(List.of(new Item(' ', ' ', null),
      new Item('\t', '\r', null)), false);
  static final CharClass WORD = new CharClass(List.of(new Item('a', 'z', null),
      new Item('A', 'Z', null), new Item('0', '9', null), new Item('_', '_', null)), false);

  private final List<Item> items;
  private final boolean negated;
  private final boolean[] ascii = new boolean[128];
  /** Whether it holds code points beyond the BMP (and so lone surrogates too). */
  final boolean wide;

  private CharClass(List<Item> items, boolean negated) {
    this.items = List.copyOf(items);
    this.negated = negated;
    for (int c = 0; c < 128; c++) {
      ascii[c] = slowContains(c);
    }
    this.wide = slowContains(0x1F600);
  }

  static CharClass single(char c) {
    return new CharClass(List.of(new Item(c, c, null)), false);
  }

  CharClass negate() {
    return new CharClass(List.of(new Item('\0', '\0', this)), true);
  }

  boolean contains(int cp) {
    return cp < 128 ? ascii[cp] : slowContains(cp);
  }

  private boolean slowContains(int cp) {
    for (Item item : items) {
      if (item.contains(cp)) {
        return !negated;
      }
    }
    return negated;
  }

  /** Collects the members of a bracket class. */
  static final class Builder {
    private final List<Item> items = new ArrayList<>();

    Builder range(char from, char to) {
      items.add(new Item(from, to, null));
      return this;
    }

    Builder add(CharClass predefined) {
      items.add(new Item('\0', '\0', predefined));
      return this;
    }

    CharClass build(boolean negated) {
      return new CharClass(items, negated);
    }
  }
}
