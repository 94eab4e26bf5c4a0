package dev.livelog.common.event;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds the {@link FieldSchema}s of stored events, one instance per list of field names, so
 * that events read back share schemas like the parser's events do (field lookups compare
 * schemas by identity).
 */
public final class SharedSchemas {
  /** One per process: batches decoded from the wire share their schemas through it. */
  public static final SharedSchemas PROCESS = new SharedSchemas();

  /** Formats produce few schemas; past this, something is off and caching stops growing. */
  private static final int MAX_CACHED = 10_000;

  private final ConcurrentHashMap<List<String>, FieldSchema> schemas = new ConcurrentHashMap<>();

  public FieldSchema of(List<String> names) {
    FieldSchema known = schemas.get(names);
    if (known != null) {
      return known;
    }
    FieldSchema schema = new FieldSchema(names);
    if (schemas.size() < MAX_CACHED) {
      FieldSchema raced = schemas.putIfAbsent(List.copyOf(names), schema);
      return raced == null ? schema : raced;
    }
    return schema;
  }
}
