package dev.livelog.common.config;

/**
 * A configuration that cannot run, naming the field (as a path such as
 * {@code sources[1].format}) and the reason.
 */
public final class ConfigException extends RuntimeException {
  private final String file;
  private final String field;
  private final String reason;

  public ConfigException(String field, String reason) {
    this(null, field, reason);
  }

  private ConfigException(String file, String field, String reason) {
    super((file == null ? "" : file + ": ")
        + (field == null || field.isEmpty() ? reason : field + ": " + reason));
    this.file = file;
    this.field = field;
    this.reason = reason;
  }

  /** The same error, saying which file it is in. */
  public ConfigException inFile(Object configFile) {
    return new ConfigException(String.valueOf(configFile), field, reason);
  }

  /** The config file, when known. */
  public String file() {
    return file;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }

  /** The same error seen from an enclosing field, e.g. {@code format} under {@code sources[0]}. */
  public ConfigException under(String parent) {
    String path = field == null || field.isEmpty() ? parent
        : field.startsWith("[") ? parent + field : parent + "." + field;
    return new ConfigException(path, reason);
  }
}
