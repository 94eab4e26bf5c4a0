package dev.livelog.store.mongo;

/**
 * Field names as MongoDB document keys. Names from log formats (JSON lines, group-by values)
 * may hold dots or start with '$', which MongoDB reads as paths and operators, so those, '%'
 * and NUL are percent-encoded; every other name is stored as it is.
 */
final class MongoKeys {
  private MongoKeys() {}

  static String escape(String name) {
    if (!needsEscape(name)) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.' || c == '%' || c == '\0' || (c == '$' && i == 0)) {
        out.append('%').append(String.format("%02X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String unescape(String key) {
    if (key.indexOf('%') < 0) {
      return key;
    }
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '%' && i + 2 < key.length()) {
        out.append((char) Integer.parseInt(key, i + 1, i + 3, 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(String name) {
    return name.startsWith("$") || name.indexOf('.') >= 0 || name.indexOf('%') >= 0
        || name.indexOf('\0') >= 0;
  }
}
