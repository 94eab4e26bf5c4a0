package dev.livelog.common.container;

/**
 * The CRI log format (containerd, CRI-O): {@code <time> <stream> <tags> <content>}, e.g.
 * {@code 2026-12-07T10:00:00.123456789Z stdout F GET / ...}; the time is RFC 3339 with
 * nanoseconds, the first tag {@code P} for a part that goes on, {@code F} for a line's last.
 */
public final class CriEnvelope implements ContainerEnvelope {
  @Override
  public String name() {
    return "cri";
  }

  @Override
  public Part read(String line) {
    int timeEnd = line.indexOf(' ');
    int streamEnd = timeEnd < 0 ? -1 : line.indexOf(' ', timeEnd + 1);
    if (streamEnd < 0 || timeEnd == 0) {
      return null;
    }
    String stream = line.substring(timeEnd + 1, streamEnd);
    if (!stream.equals("stdout") && !stream.equals("stderr")) {
      return null;
    }
    int tagsEnd = line.indexOf(' ', streamEnd + 1);
    int end = tagsEnd < 0 ? line.length() : tagsEnd;
    if (end == streamEnd + 1) {
      return null;
    }
    char tag = line.charAt(streamEnd + 1);
    if (tag != 'P' && tag != 'F') {
      return null;
    }
    String content = tagsEnd < 0 ? "" : line.substring(tagsEnd + 1);
    return new Part(line.substring(0, timeEnd), stream, tag == 'P', content);
  }

  @Override
  public int contentStart(String line, Part part) {
    return line.length() - part.content().length();
  }

  @Override
  public String whole(Part first, String content) {
    return first.time() + " " + first.stream() + " F " + content;
  }
}
