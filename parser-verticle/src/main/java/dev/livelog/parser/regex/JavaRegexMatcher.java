package dev.livelog.parser.regex;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link GroupMatcher} on {@code java.util.regex}, for patterns the scanner does not run. */
final class JavaRegexMatcher implements GroupMatcher {
  private final Matcher matcher;

  JavaRegexMatcher(Pattern pattern) {
    this.matcher = pattern.matcher("");
  }

  @Override
  public boolean find(String line) {
    return matcher.reset(line).find();
  }

  @Override
  public int start(int group) {
    return matcher.start(group);
  }

  @Override
  public int end(int group) {
    return matcher.end(group);
  }
}
