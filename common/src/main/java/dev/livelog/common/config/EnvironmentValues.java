package dev.livelog.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in the text values of a parsed config
 * with environment variables, keeping the YAML structure (a value never becomes new keys).
 * An unset variable without a default is an error naming the field. Only upper-case names are
 * environment variables: {@code ${remote_addr}} in a pasted nginx log_format and {@code ${top}}
 * in a derived field stay as written. {@code $${} writes a literal {@code ${}.
 */
final class EnvironmentValues {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\$\\{|\\$\\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?}");

  private EnvironmentValues() {}

  static JsonNode substitute(JsonNode node, Map<String, String> env) {
    return substitute(node, env, new ArrayList<>());
  }

  private static JsonNode substitute(JsonNode node, Map<String, String> env, List<String> path) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        path.add("." + name);
        object.set(name, substitute(object.get(name), env, path));
        path.remove(path.size() - 1);
      }
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        path.add("[" + i + "]");
        array.set(i, substitute(array.get(i), env, path));
        path.remove(path.size() - 1);
      }
      return array;
    }
    if (node.isTextual() && node.textValue().contains("${")) {
      return TextNode.valueOf(replace(node.textValue(), env, path));
    }
    return node;
  }

  private static String replace(String text, Map<String, String> env, List<String> path) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      if (m.group(1) == null) {
        m.appendReplacement(out, Matcher.quoteReplacement("${"));
        continue;
      }
      String value = env.get(m.group(1));
      if (value == null) {
        if (m.group(2) == null) {
          String field = String.join("", path);
          throw new ConfigException(field.startsWith(".") ? field.substring(1) : field,
              "environment variable " + m.group(1) + " is not set (write ${" + m.group(1)
                  + ":-default} for a default)");
        }
        value = m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
