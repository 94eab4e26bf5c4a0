package dev.livelog.common.container;

import dev.livelog.common.kind.Kind;

/**
 * How a container runtime writes a program's output lines to a container log: the envelope
 * around each line, with the time the runtime read it, the stream, and whether the line goes
 * on (runtimes cut lines longer than 16 KiB into parts). One class per runtime format,
 * registered in {@code META-INF/services/dev.livelog.common.container.ContainerEnvelope};
 * sources join the parts of a line ({@code ContainerLines}), parsers read the line inside
 * (the format kind of the same name).
 */
public interface ContainerEnvelope extends Kind {

  /** One line of the log, read: the runtime's time (as written), stream, whether it goes on. */
  record Part(String time, String stream, boolean partial, String content) {}

  /** The line's parts, or null when the line is not in this envelope. */
  Part read(String line);

  /**
   * Where the content starts in the line, for pointing at a parse failure inside it, or -1 when
   * the content is encoded (JSON) and positions do not carry over.
   */
  int contentStart(String line, Part part);

  /** A whole line in this envelope: the first part's time and stream, with this content. */
  String whole(Part first, String content);
}
