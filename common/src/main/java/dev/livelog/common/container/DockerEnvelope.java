package dev.livelog.common.container;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Docker's json-file log driver: {@code {"log":"GET / ...\n","stream":"stdout","time":"..."}},
 * one object per line; a line longer than 16 KiB is written as several objects whose
 * {@code log} has no final newline but the last's.
 */
public final class DockerEnvelope implements ContainerEnvelope {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String name() {
    return "docker";
  }

  @Override
  public Part read(String line) {
    if (line.isEmpty() || line.charAt(0) != '{') {
      return null;
    }
    String log = null;
    String stream = null;
    String time = null;
    try (JsonParser p = JSON.createParser(line)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value != JsonToken.VALUE_STRING) {
          p.skipChildren();
          continue;
        }
        switch (name) {
          case "log" -> log = p.getText();
          case "stream" -> stream = p.getText();
          case "time" -> time = p.getText();
          default -> { }
        }
      }
    } catch (IOException notJson) {
      return null;
    }
    if (log == null || stream == null) {
      return null;
    }
    boolean partial = !log.endsWith("\n");
    String content = partial ? log : log.substring(0, log.length() - (log.endsWith("\r\n") ? 2 : 1));
    return new Part(time == null ? "" : time, stream, partial, content);
  }

  @Override
  public int contentStart(String line, Part part) {
    return -1;
  }

  @Override
  public String whole(Part first, String content) {
    StringWriter out = new StringWriter(content.length() + 64);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("log", content + "\n");
      g.writeStringField("stream", first.stream());
      g.writeStringField("time", first.time());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
