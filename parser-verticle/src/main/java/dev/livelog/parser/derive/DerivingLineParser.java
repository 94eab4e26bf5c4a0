package dev.livelog.parser.derive;

import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.DeriveConfig;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A format's post-processing: parses with the format, then adds (or replaces) the fields its
 * {@code derive} section computes, in order, so a derived field may use an earlier one. The
 * seed's parsers did this in {@code post_process}, e.g. telling media requests by their path.
 */
public final class DerivingLineParser implements LineParser {
  private final LineParser inner;
  private final List<DerivedField> fields;
  private FieldSchema lastInner;
  private FieldSchema schema;
  private int[] fromSlot;
  private int[] toSlot;

  private DerivingLineParser(LineParser inner, List<DerivedField> fields) {
    this.inner = inner;
    this.fields = fields;
    layOut(inner.schema());
  }

  /**
   * The format with its derived fields; the format itself when there are none.
   *
   * @param knownFields whether the format's fields are known before reading lines (then each
   *     {@code from} is checked)
   * @throws ConfigException naming {@code derive.NAME.x} and the reason
   */
  public static LineParser wrap(LineParser inner, Map<String, DeriveConfig> derive,
      boolean knownFields) {
    if (derive.isEmpty()) {
      return inner;
    }
    List<DerivedField> fields = new ArrayList<>();
    Set<String> available = new LinkedHashSet<>(inner.schema().names());
    derive.forEach((name, config) -> {
      try {
        DerivedField f = DerivedField.compile(name, config);
        if (knownFields && !available.contains(f.from)) {
          throw new ConfigException("from", "no field '" + f.from + "'; fields: "
              + String.join(", ", available));
        }
        available.add(name);
        fields.add(f);
      } catch (ConfigException e) {
        throw e.under("derive." + name);
      }
    });
    return new DerivingLineParser(inner, fields);
  }

  @Override
  public Optional<String> regexEngine() {
    return inner.regexEngine();
  }

  @Override
  public FieldSchema schema() {
    return schema;
  }

  @Override
  public void readingFile(String path) {
    inner.readingFile(path);
  }

  @Override
  public LogEvent parse(String line, String source, long offset) throws LineRejected {
    LogEvent e = inner.parse(line, source, offset);
    if (e.schema() != lastInner) {
      layOut(e.schema());
    }
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < e.schema().size(); i++) {
      values[i] = e.value(i);
    }
    for (int d = 0; d < fields.size(); d++) {
      Object from = fromSlot[d] < 0 ? null : values[fromSlot[d]];
      try {
        values[toSlot[d]] = fields.get(d).derive(from);
      } catch (IllegalArgumentException bad) {
        throw new LineRejected("derived field '" + fields.get(d).name + "': " + bad.getMessage(), -1);
      }
    }
    return new LogEvent(source, offset, e.time(), schema, values, line);
  }

  /** The schema with the derived fields, and where each one reads and writes. */
  private void layOut(FieldSchema innerSchema) {
    List<String> names = new ArrayList<>(innerSchema.names());
    for (DerivedField f : fields) {
      if (!names.contains(f.name)) {
        names.add(f.name);
      }
    }
    schema = new FieldSchema(names);
    fromSlot = new int[fields.size()];
    toSlot = new int[fields.size()];
    for (int d = 0; d < fields.size(); d++) {
      fromSlot[d] = schema.indexOf(fields.get(d).from);
      toSlot[d] = schema.indexOf(fields.get(d).name);
    }
    lastInner = innerSchema;
  }
}
