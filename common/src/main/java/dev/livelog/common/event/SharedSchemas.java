package dev.livelog.common.event;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rebuilds the {@link FieldSchema}s of stored events, one instance per list of field names, so
 * that events read back share schemas like the parser's events do (field lookups compare
 * schemas by identity).
 */
public final class SharedSchemas {
  /** One per process: batches decoded from the wire share their schemas through it. */
  public static final SharedSchemas PROCESS = new SharedSchemas();

  /**
   * Formats produce few schemas, but a JSON log without a mapping makes one per set of keys:
   * past this many field names in all, caching stops growing (schemas are still made).
   */
  private static final int MAX_CACHED_NAMES = 100_000;

  private final ConcurrentHashMap<List<String>, FieldSchema> schemas = new ConcurrentHashMap<>();
  private final AtomicInteger cachedNames = new AtomicInteger();

  public FieldSchema of(List<String> names) {
    FieldSchema known = schemas.get(names);
    if (known != null) {
      return known;
    }
    FieldSchema schema = new FieldSchema(names);
    if (cachedNames.get() + names.size() <= MAX_CACHED_NAMES) {
      FieldSchema raced = schemas.putIfAbsent(List.copyOf(names), schema);
      if (raced != null) {
        return raced;
      }
      cachedNames.addAndGet(names.size());
    }
    return schema;
  }

  /** Field names held by the cached schemas (bounded). */
  public int cachedNames() {
    return cachedNames.get();
  }
}
