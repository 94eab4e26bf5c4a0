package dev.livelog.analyzer;

import dev.livelog.common.config.AnalyzerConfig;
import dev.livelog.common.event.FieldValues;
import dev.livelog.common.where.Condition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@code by} field's value becomes a series key: as it is, as a class of numbers
 * ({@code by_class}: 503 becomes 5xx), or as a path prefix ({@code by_prefix: 2}:
 * {@code /blog/2024/post?x=1} becomes {@code /blog/2024}); and back, for the drill-down, which
 * values give a key.
 */
interface ByValue {
  /** The key, or null when the event has no value (it feeds no series). */
  String key(Object value);

  /**
   * The condition on the field's value that holds exactly for the values {@link #key} turns
   * into {@code key}, or null when no value gives that key.
   */
  Condition valuesOf(String key);

  /**
   * Conditions on the field's value, any of which holds exactly for the values that give a key
   * other than {@code keys}: the values an {@code other} series folds, when {@code keys} are
   * those a point showed by name.
   */
  List<Condition> noneOf(Collection<String> keys);

  static ByValue of(AnalyzerConfig config) {
    if (config.byClass()) {
      return new NumberClass();
    }
    if (config.byPrefix() != null) {
      return new PathPrefix(config.byPrefix());
    }
    return new AsIs();
  }

  /** The value's text. */
  record AsIs() implements ByValue {
    @Override
    public String key(Object value) {
      return value == null ? null : FieldValues.toText(value);
    }

    @Override
    public Condition valuesOf(String key) {
      return new Condition.Equals(key);
    }

    @Override
    public List<Condition> noneOf(Collection<String> keys) {
      Condition present = new Condition.Present(true);
      return List.of(keys.isEmpty() ? present
          : new Condition.All(List.of(present, new Condition.Not(new Condition.In(List.copyOf(keys))))));
    }
  }

  /** Hundreds: 503 is 5xx, [500, 600). */
  record NumberClass() implements ByValue {
    private static final Pattern CLASS = Pattern.compile("(-?\\d{1,17})xx");

    @Override
    public String key(Object value) {
      double d = FieldValues.toDouble(value);
      return Double.isNaN(d) ? null : (long) Math.floor(d / 100) + "xx";
    }

    @Override
    public Condition valuesOf(String key) {
      Matcher m = CLASS.matcher(key);
      if (!m.matches()) {
        return null;
      }
      double low = Long.parseLong(m.group(1)) * 100.0;
      return between(low, low + 100);
    }

    /** The numbers in the gaps between the classes of {@code keys} (one range each). */
    @Override
    public List<Condition> noneOf(Collection<String> keys) {
      TreeSet<Long> classes = new TreeSet<>();
      for (String key : keys) {
        Matcher m = CLASS.matcher(key);
        if (m.matches()) {
          classes.add(Long.parseLong(m.group(1)));
        }
      }
      List<Condition> gaps = new ArrayList<>();
      double from = -Double.MAX_VALUE;
      for (long c : classes) {
        if (c * 100.0 > from) {
          gaps.add(between(from, c * 100.0));
        }
        from = (c + 1) * 100.0;
      }
      gaps.add(new Condition.Range(from, Double.MAX_VALUE));
      return gaps;
    }

    /** A number in {@code [low, high)}. */
    private static Condition between(double low, double high) {
      return new Condition.All(List.of(new Condition.Range(low, high),
          new Condition.Not(new Condition.Range(high, high))));
    }
  }

  /** The first {@code segments} segments of a path, without its query. */
  record PathPrefix(int segments) implements ByValue {
    @Override
    public String key(Object value) {
      return value == null ? null : prefix(FieldValues.toText(value));
    }

    /**
     * A key of fewer segments than asked is a whole path (before any query); a key of as many
     * is that path, or the start of a longer one.
     */
    @Override
    public Condition valuesOf(String key) {
      if (key.indexOf('?') >= 0 || !prefix(key).equals(key)) {
        return null;
      }
      boolean whole = key.isEmpty() || slashesAfterFirst(key) < segments - 1; // a first / never ends one
      StringBuilder regex = new StringBuilder("^");
      for (char c : key.toCharArray()) {
        if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
          regex.append('\\');
        }
        regex.append(c);
      }
      return new Condition.Regex(regex.append(whole ? "(\\?.*)?$" : "([/?].*)?$").toString());
    }

    /** A value none of the keys' regexes match, as one regex of them all. */
    @Override
    public List<Condition> noneOf(Collection<String> keys) {
      List<String> patterns = new ArrayList<>();
      for (String key : keys) {
        if (valuesOf(key) instanceof Condition.Regex r) {
          patterns.add("(?:" + r.pattern() + ")");
        }
      }
      Condition present = new Condition.Present(true);
      return List.of(patterns.isEmpty() ? present : new Condition.All(List.of(present,
          new Condition.Not(new Condition.Regex(String.join("|", patterns))))));
    }

    private String prefix(String path) {
      int end = path.length();
      int q = path.indexOf('?');
      if (q >= 0) {
        end = q;
      }
      int slashes = 0;
      for (int i = 0; i < end; i++) {
        if (path.charAt(i) == '/' && i > 0 && ++slashes == segments) {
          return path.substring(0, i);
        }
      }
      return path.substring(0, end);
    }

    private static int slashesAfterFirst(String key) {
      int n = 0;
      for (int i = 1; i < key.length(); i++) {
        n += key.charAt(i) == '/' ? 1 : 0;
      }
      return n;
    }
  }
}
