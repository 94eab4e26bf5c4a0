package dev.livelog.parser.container;

import dev.livelog.common.container.ContainerEnvelope;
import dev.livelog.common.container.KubernetesLogFile;
import dev.livelog.common.event.FieldSchema;
import dev.livelog.common.event.LogEvent;
import dev.livelog.parser.LineParser;
import dev.livelog.parser.LineRejected;
import dev.livelog.parser.time.TimeParsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a container log's line: the envelope, then the program's line inside with the wrapped
 * format. Events get the wrapped format's fields, then {@code stream} (stdout, stderr) and,
 * for a kubelet's log file, {@code k8s.namespace}, {@code k8s.pod} and {@code k8s.container}
 * (fields the wrapped format has itself keep its values). A line whose format has no time gets
 * the runtime's. Failures inside the program's line point at the line's character.
 */
final class ContainerLineParser implements LineParser {
  private static final List<String> ADDED = List.of("stream", KubernetesLogFile.NAMESPACE,
      KubernetesLogFile.POD, KubernetesLogFile.CONTAINER);

  private final ContainerEnvelope envelope;
  private final LineParser inner;
  private String file;
  private String[] fileValues = new String[3];
  private FieldSchema lastInner;
  private FieldSchema schema;
  /** Per added field, its slot in the schema, or -1 when the wrapped format has the field. */
  private int[] slots;

  ContainerLineParser(ContainerEnvelope envelope, LineParser inner) {
    this.envelope = envelope;
    this.inner = inner;
    layOut(inner.schema());
  }

  @Override
  public FieldSchema schema() {
    return schema;
  }

  @Override
  public Optional<String> regexEngine() {
    return inner.regexEngine();
  }

  @Override
  public void readingFile(String path) {
    inner.readingFile(path);
    if (path == null || path.equals(file)) {
      return;
    }
    file = path;
    Map<String, String> k8s = KubernetesLogFile.of(path).map(KubernetesLogFile::fields)
        .orElse(Map.of());
    fileValues = new String[] {k8s.get(KubernetesLogFile.NAMESPACE),
        k8s.get(KubernetesLogFile.POD), k8s.get(KubernetesLogFile.CONTAINER)};
  }

  @Override
  public LogEvent parse(String line, String source, long offset) throws LineRejected {
    ContainerEnvelope.Part part = envelope.read(line);
    if (part == null) {
      throw new LineRejected("not a line of a " + envelope.name() + " container log", 0);
    }
    LogEvent e;
    try {
      e = inner.parse(part.content(), source, offset);
    } catch (LineRejected r) {
      int start = envelope.contentStart(line, part);
      throw new LineRejected(r.getMessage(), start < 0 || r.position() < 0 ? -1
          : start + r.position());
    }
    if (e.schema() != lastInner) {
      layOut(e.schema());
    }
    Object[] values = new Object[schema.size()];
    for (int i = 0; i < e.schema().size(); i++) {
      values[i] = e.value(i);
    }
    put(values, 0, part.stream());
    for (int k = 0; k < 3; k++) {
      put(values, k + 1, fileValues[k]);
    }
    long time = e.time();
    if (time == LogEvent.NO_TIME && !part.time().isEmpty()) {
      try {
        time = TimeParsers.parseIso8601(part.time());
      } catch (IllegalArgumentException bad) {
        throw new LineRejected("the runtime's time: " + bad.getMessage(), 0);
      }
    }
    return new LogEvent(source, offset, time, schema, values, line);
  }

  private void put(Object[] values, int added, String value) {
    if (slots[added] >= 0) {
      values[slots[added]] = value;
    }
  }

  private void layOut(FieldSchema innerSchema) {
    List<String> names = new ArrayList<>(innerSchema.names());
    slots = new int[ADDED.size()];
    for (int k = 0; k < ADDED.size(); k++) {
      String name = ADDED.get(k);
      slots[k] = names.contains(name) ? -1 : names.size();
      if (slots[k] >= 0) {
        names.add(name);
      }
    }
    schema = new FieldSchema(names);
    lastInner = innerSchema;
  }
}
