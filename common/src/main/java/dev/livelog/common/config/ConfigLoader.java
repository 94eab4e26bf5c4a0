package dev.livelog.common.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code livelog.yaml} into a {@link LivelogConfig}. Every problem becomes a
 * {@link ConfigException} naming the field and the reason: an unknown key (with the keys
 * that are allowed), a wrong type, a malformed duration, a YAML syntax error with its line.
 */
public final class ConfigLoader {
  private static final ObjectMapper MAPPER = createMapper();

  private ConfigLoader() {}

  public static LivelogConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("", "no such file: " + file);
    } catch (IOException e) {
      throw new ConfigException("", "cannot read " + file + ": " + e.getMessage());
    }
    LivelogConfig config = withEnvironment(parse(text), System.getenv());
    StructureValidator.validate(config);
    return config;
  }

  /**
   * Secrets may come from the environment instead of the file: {@code LIVELOG_MONGO_URI} sets
   * {@code storage.mongo.uri} (keeping the section's other keys, e.g. its database).
   */
  public static LivelogConfig withEnvironment(LivelogConfig config, Map<String, String> env) {
    String uri = env.get(StorageConfig.MONGO_URI_ENV);
    if (uri == null || uri.isBlank()) {
      return config;
    }
    Setting mongo = config.storage().settings().get("mongo");
    ObjectNode section = mongo != null && mongo.value().isObject()
        ? ((ObjectNode) mongo.value()).deepCopy() : MAPPER.createObjectNode();
    section.put("uri", uri);
    return config.withStorage(config.storage().with("mongo",
        new Setting(section, mongo == null ? 0 : mongo.line())));
  }

  /**
   * Reads a kind's part of the config (already parsed, e.g. a {@link Setting}'s value) as
   * {@code type}, with the same errors as the loader's: unknown keys with the allowed ones,
   * wrong types; fields are relative to {@code node}.
   */
  public static <T> T bind(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonMappingException e) {
      throw translate(e);
    } catch (JsonProcessingException e) {
      throw new ConfigException("", oneLine(e.getOriginalMessage()));
    }
  }

  /** Parses YAML text without the semantic checks of {@link StructureValidator}. */
  public static LivelogConfig parse(String yaml) {
    return parse(yaml, System.getenv());
  }

  /**
   * Parses YAML text, replacing {@code ${NAME}} and {@code ${NAME:-default}} (upper-case names)
   * in values with the environment's (e.g. a per-node source id {@code nginx-${NODE_NAME}} in
   * Kubernetes).
   */
  public static LivelogConfig parse(String yaml, Map<String, String> env) {
    if (yaml.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
      return LivelogConfig.empty();
    }
    try {
      LivelogConfig config = yaml.contains("${")
          ? MAPPER.treeToValue(EnvironmentValues.substitute(MAPPER.readTree(yaml), env), LivelogConfig.class)
          : MAPPER.readValue(yaml, LivelogConfig.class);
      return config == null ? LivelogConfig.empty() : config;
    } catch (JsonProcessingException e) {
      ConfigException syntax = syntaxError(e);
      if (syntax != null) {
        throw syntax;
      }
      if (e instanceof JsonMappingException m) {
        throw translate(m);
      }
      String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
      throw new ConfigException("", "YAML syntax error: " + where + oneLine(e.getOriginalMessage()));
    }
  }

  /**
   * Plain YAML data the config kept as it was (a format kind's settings), read as {@code type}
   * with the same deserializers as the file.
   *
   * @throws ConfigException naming the field under {@code field} and the reason
   */
  public static <T> T convert(String field, Object value, Class<T> type) {
    try {
      return MAPPER.convertValue(value, type);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException m) {
        throw translate(m).under(field);
      }
      throw new ConfigException(field, oneLine(e.getMessage()));
    }
  }

  /** SnakeYAML's report (several lines with carets) as one line: where, and what was wrong. */
  private static ConfigException syntaxError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
        Mark mark = yaml.getProblemMark();
        String context = yaml.getContext() == null ? "" : " (" + oneLine(yaml.getContext()) + ")";
        return new ConfigException("", "YAML syntax error at line " + (mark.getLine() + 1)
            + ", column " + (mark.getColumn() + 1) + ": " + oneLine(yaml.getProblem()) + context);
      }
    }
    return null;
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  private static ConfigException translate(JsonMappingException e) {
    String field = path(e.getPath());
    String line = e.getLocation() == null || e.getLocation().getLineNr() <= 0 ? ""
        : " (line " + e.getLocation().getLineNr() + ")";
    if (e instanceof UnrecognizedPropertyException u) {
      String known = u.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "));
      return new ConfigException(field, "unknown key" + line + "; expected one of: " + known);
    }
    if (e instanceof InvalidFormatException f) {
      return new ConfigException(field, "expected " + typeName(f.getTargetType()) + ", got '"
          + f.getValue() + "'" + line);
    }
    if (e.getCause() instanceof IllegalArgumentException iae) {
      return new ConfigException(field, iae.getMessage() + line);
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return new ConfigException(field, "expected " + typeName(m.getTargetType()) + line);
    }
    return new ConfigException(field, e.getOriginalMessage() + line);
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a text value";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping of keys to values";
    }
    if (type == Duration.class) {
      return "a duration such as 5s, 5m or 1h";
    }
    return type.getSimpleName();
  }

  private static ObjectMapper createMapper() {
    SimpleModule module = new SimpleModule("livelog-config");
    module.addDeserializer(Duration.class, new DurationDeserializer());
    module.addDeserializer(FormatRef.class, new FormatRefDeserializer());
    module.addDeserializer(FormatConfig.class, new FormatConfigDeserializer());
    module.addDeserializer(Setting.class, new SettingDeserializer());
    return new ObjectMapper(new YAMLFactory())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .registerModule(module);
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
          || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT
          || p.currentToken() == JsonToken.VALUE_STRING) {
        try {
          return Durations.parse(p.getValueAsString());
        } catch (IllegalArgumentException e) {
          throw JsonMappingException.from(p, e.getMessage(), e);
        }
      }
      return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
    }
  }

  /** A kind's key: its value as parsed, and its line while the parser knows it. */
  private static final class SettingDeserializer extends JsonDeserializer<Setting> {
    @Override
    public Setting deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      int line = p.currentTokenLocation().getLineNr();
      return new Setting(ctxt.readTree(p), Math.max(0, line));
    }
  }

  /** {@code format: combined} names a format; {@code format: {regex: ...}} writes one inline. */
  private static final class FormatRefDeserializer extends JsonDeserializer<FormatRef> {
    @Override
    public FormatRef deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return FormatRef.named(p.getText());
      }
      if (p.currentToken() == JsonToken.START_OBJECT) {
        return FormatRef.inline(ctxt.readValue(p, FormatConfig.class));
      }
      throw JsonMappingException.from(p,
          "expected a format name or a mapping such as {regex: ...} or {nginx: ...}");
    }
  }

  /**
   * A format mapping: the keys every kind shares ({@link FormatConfig#SHARED_KEYS}) typed here,
   * every other key kept as the YAML gave it, for the parser's format kinds to read and check.
   */
  private static final class FormatConfigDeserializer extends JsonDeserializer<FormatConfig> {
    @Override
    public FormatConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return (FormatConfig) ctxt.handleUnexpectedToken(FormatConfig.class, p);
      }
      Map<String, Object> settings = new LinkedHashMap<>();
      Map<String, String> types = null;
      String timeField = null;
      Map<String, DeriveConfig> derive = null;
      for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
        p.nextToken();
        try {
          switch (key) {
            case "types" -> types = ctxt.readValue(p, ctxt.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, String.class));
            case "time_field" -> timeField = ctxt.readValue(p, String.class);
            case "derive" -> derive = ctxt.readValue(p, ctxt.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, DeriveConfig.class));
            default -> settings.put(key, ctxt.readValue(p, Object.class));
          }
        } catch (JsonMappingException e) {
          throw JsonMappingException.wrapWithPath(e, FormatConfig.class, key);
        }
      }
      return new FormatConfig(settings, types, timeField, derive);
    }
  }
}
