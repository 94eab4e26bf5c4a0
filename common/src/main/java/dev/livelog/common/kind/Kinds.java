package dev.livelog.common.kind;

import dev.livelog.common.config.ConfigException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The registered kinds of one sort, by name: built from {@link ServiceLoader}, so a kind is one
 * class plus one line in {@code META-INF/services/<the kind's interface>}, in the module that
 * ships it (a test or a plugin jar registers its own the same way). Looking up a name that is
 * not registered is a config error that lists the names that are.
 */
public final class Kinds<K extends Kind> {
  private final String what;
  private final Map<String, K> byName;

  private Kinds(String what, Map<String, K> byName) {
    this.what = what;
    this.byName = Collections.unmodifiableMap(byName);
  }

  /**
   * The kinds registered for {@code type} on its class loader's path, in registration order.
   *
   * @param what how errors call this sort of kind, e.g. "source kind" or "metric"
   */
  public static <K extends Kind> Kinds<K> load(Class<K> type, String what) {
    Map<String, K> byName = new LinkedHashMap<>();
    for (K kind : ServiceLoader.load(type, type.getClassLoader())) {
      K earlier = byName.putIfAbsent(kind.name(), kind);
      if (earlier != null) {
        throw new IllegalStateException("two " + what + "s are named '" + kind.name() + "': "
            + earlier.getClass().getName() + " and " + kind.getClass().getName());
      }
    }
    return new Kinds<>(what, byName);
  }

  public Optional<K> find(String name) {
    return Optional.ofNullable(name == null ? null : byName.get(name));
  }

  /** The kind of that name, or a config error on {@code field} listing the registered names. */
  public K named(String field, String name) {
    return find(name).orElseThrow(() -> new ConfigException(field,
        "unknown " + what + " '" + name + "'; use one of: " + String.join(", ", byName.keySet())));
  }

  public Collection<K> all() {
    return byName.values();
  }

  public Set<String> names() {
    return byName.keySet();
  }
}
