package dev.livelog.app;

import dev.livelog.common.redact.Redaction;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * The one-line log format ({@code java.util.logging.SimpleFormatter.format}) with the
 * credentials of any URI masked, whichever library wrote the line: a MongoDB URI in a driver's
 * error, a URL in a command's stderr.
 */
public final class RedactingFormatter extends SimpleFormatter {
  @Override
  public String format(LogRecord record) {
    return Redaction.uris(super.format(record));
  }
}
