package dev.livelog.common.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What livelog shows of text that may hold a secret, in logs, statuses and error messages.
 *
 * <p>A URI's credentials: {@code mongodb://user:pass@host} becomes {@code
 * mongodb://user:***@host}, {@code https://TOKEN@host} becomes {@code https://***@host}.
 *
 * <p>A command, as a command source runs it: its program only, since any argument may be a
 * credential, written into the config or expanded from the environment ({@code curl -H
 * "Authorization: Bearer ${TOKEN}" ...}); {@code NAME=value} assignments before the program
 * keep their names. The source's id is what tells sources apart.
 */
public final class Redaction {
  public static final String MASK = "***";
  private static final Pattern URI_USERINFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/@\\s:'\"]*)(:[^/@\\s'\"]*)?@");
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=\\S*");

  private Redaction() {}

  /** {@code text} with the credentials of every URI in it masked; null stays null. */
  public static String uris(String text) {
    if (text == null || !text.contains("@")) {
      return text;
    }
    Matcher m = URI_USERINFO.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = m.group(3) == null ? m.group(1) + MASK + "@"
          : m.group(1) + m.group(2) + ":" + MASK + "@";
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    return m.appendTail(out).toString();
  }

  /** A command as it may be shown: leading assignments' names and the program, then "…". */
  public static String command(String command) {
    if (command == null) {
      return null;
    }
    String[] words = command.strip().split("\\s+");
    StringBuilder out = new StringBuilder();
    int i = 0;
    for (; i < words.length; i++) {
      Matcher assignment = ASSIGNMENT.matcher(words[i]);
      if (!assignment.matches()) {
        break;
      }
      out.append(assignment.group(1)).append('=').append(MASK).append(' ');
    }
    if (i < words.length) {
      out.append(uris(words[i]));
      i++;
    }
    return (i < words.length ? out.append(" …") : out).toString().strip();
  }
}
