package dev.livelog.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Every log line livelog writes, whichever library wrote it, has URI credentials masked. */
class RedactingFormatterTest {
  @Test
  void theConsoleLogMasksUriCredentials() throws Exception {
    Properties logging = new Properties();
    try (InputStream in = Logging.class.getResourceAsStream("/livelog-logging.properties")) {
      logging.load(in);
    }
    assertThat(logging.getProperty("java.util.logging.ConsoleHandler.formatter"))
        .isEqualTo(RedactingFormatter.class.getName());
    LogRecord record = new LogRecord(Level.WARNING,
        "Exception in monitor thread while connecting to mongodb://livelog:s3cret@db:27017/livelog");
    assertThat(new RedactingFormatter().format(record))
        .contains("mongodb://livelog:***@db:27017/livelog").doesNotContain("s3cret");
  }
}
