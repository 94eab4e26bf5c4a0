package dev.livelog.common.config;

/**
 * A configuration that cannot run, naming the field (as a path such as
 * {@code sources[1].format}) and the reason.
 */
public final class ConfigException extends RuntimeException {
  private final String field;
  private final String reason;

  public ConfigException(String field, String reason) {
    super(field == null || field.isEmpty() ? reason : field + ": " + reason);
    this.field = field;
    this.reason = reason;
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
