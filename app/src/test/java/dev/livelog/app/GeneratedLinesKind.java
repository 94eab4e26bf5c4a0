package dev.livelog.app;

import dev.livelog.common.bus.Checkpoint;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.config.LivelogConfig;
import dev.livelog.common.config.SourceConfig;
import dev.livelog.source.LineSource;
import dev.livelog.source.SourceContext;
import dev.livelog.source.SourceKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A source kind only the tests register (in the test resources' {@code META-INF/services}, no
 * main code knows it): {@code generated: N} produces N lines in the combined format, one per
 * request path {@code /g/0} ... {@code /g/N-1}, timed now.
 */
public final class GeneratedLinesKind implements SourceKind {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  @Override
  public String name() {
    return "generated";
  }

  @Override
  public Set<String> keys() {
    return Set.of("generated");
  }

  @Override
  public String mainKey() {
    return "generated";
  }

  @Override
  public boolean recognises(SourceConfig source) {
    return source.has("generated");
  }

  @Override
  public void validate(SourceConfig source, LivelogConfig config) {
    if (count(source) < 1) {
      throw new ConfigException("generated", "a number of lines, at least 1, got '"
          + source.text("generated") + "'");
    }
  }

  @Override
  public Supplier<LineSource> lines(SourceConfig source, SourceContext context) {
    int count = count(source);
    return () -> new Generated(count);
  }

  private static int count(SourceConfig source) {
    try {
      return Integer.parseInt(source.text("generated"));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The lines in memory, read once; then nothing new. */
  private static final class Generated implements LineSource {
    private final byte[] bytes;
    private long offset;

    Generated(int count) {
      String time = TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < count; i++) {
        text.append("10.0.0.").append(i % 250).append(" - - [").append(time).append("] \"GET /g/")
            .append(i).append(" HTTP/1.1\" 200 512 \"-\" \"generator\"\n");
      }
      bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Checkpoint open(Checkpoint checkpoint) {
      offset = checkpoint == null ? 0 : checkpoint.offset();
      return new Checkpoint(null, fileId(), offset, System.currentTimeMillis());
    }

    @Override
    public ReadStatus read(ByteBuffer buffer) {
      int n = (int) Math.min(buffer.remaining(), bytes.length - offset);
      if (n == 0) {
        return ReadStatus.IDLE;
      }
      buffer.put(bytes, (int) offset, n);
      offset += n;
      return ReadStatus.DATA;
    }

    @Override
    public Checkpoint follow() {
      throw new UnsupportedOperationException("generated lines never rotate");
    }

    @Override
    public void seek(long newOffset) {
      offset = newOffset;
    }

    @Override
    public String fileId() {
      return "generated-1";
    }

    @Override
    public long offset() {
      return offset;
    }

    @Override
    public long bytesBehind() {
      return bytes.length - offset;
    }

    @Override
    public String host() {
      return "localhost";
    }

    @Override
    public String path() {
      return "generated";
    }

    @Override
    public void close() {}
  }
}
