package dev.livelog.parser.regex;

/**
 * The {@link RegexScanner} does not run a pattern: the message names the construct it met, as
 * a user can look it up in the regex (e.g. {@code a look-behind: (?<=id=)}).
 */
final class ScannerDeclined extends RuntimeException {
  ScannerDeclined(String construct) {
    super(construct, null, false, false);
  }
}
