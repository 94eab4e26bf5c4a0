package dev.livelog.source.glob;

import dev.livelog.source.RotationNames;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which listed files a file set follows: those the pattern matches, no {@code exclude} does
 * and the {@code kubernetes} selection wants, except rotations of another matching file ({@code a.log.1}, {@code a.log.2.gz}: their
 * content is read through {@code a.log}, never twice) and compressed files, up to
 * {@code max_files} in all; files already followed keep their place.
 */
public final class FileSetSelection {
  private final PathGlob glob;
  private final List<PathGlob> excludes;
  private final int maxFiles;
  private final PodSelector pods;

  /**
   * @param excludes patterns of paths ({@code /...}) or of file names ({@code *.gz}) left out
   */
  public FileSetSelection(PathGlob glob, List<String> excludes, int maxFiles) {
    this(glob, excludes, maxFiles, PodSelector.ANY);
  }

  public FileSetSelection(PathGlob glob, List<String> excludes, int maxFiles, PodSelector pods) {
    this.glob = glob;
    this.pods = pods;
    this.excludes = excludes.stream()
        .map(e -> PathGlob.compile(e.startsWith("/") ? e : "/" + e)).toList();
    this.maxFiles = maxFiles;
  }

  /** The files to start following, and how many match in all. */
  public record Result(Map<String, Map<String, String>> added, int matching, int left) {
    /** Whether matching files are left out because of {@code max_files}. */
    public boolean capped() {
      return left > 0;
    }
  }

  /**
   * @param listed the files under the pattern's base
   * @param followed the paths followed now (they count towards the cap)
   * @return the matching files not followed yet, with their captured fields, in path order,
   *     as many as the cap leaves room for
   */
  public Result select(List<String> listed, Set<String> followed) {
    Map<String, Map<String, String>> matching = new TreeMap<>();
    for (String path : listed) {
      if (admits(path)) {
        glob.match(path).ifPresent(fields -> matching.put(path, fields));
      }
    }
    Set<String> paths = new HashSet<>(matching.keySet());
    matching.keySet().removeIf(path -> isRotationOfAnother(path, paths));
    Map<String, Map<String, String>> added = new TreeMap<>();
    int room = maxFiles - followed.size();
    int left = 0;
    for (Map.Entry<String, Map<String, String>> file : matching.entrySet()) {
      if (followed.contains(file.getKey())) {
        continue;
      }
      if (room > 0) {
        added.put(file.getKey(), file.getValue());
        room--;
      } else {
        left++;
      }
    }
    return new Result(added, matching.size(), left);
  }

  /**
   * Whether a listed file can be one to follow: the pattern matches it, no exclude does, the
   * {@code kubernetes} selection wants it and it is not compressed (rotations and the cap are
   * decided by {@link #select}). A lister keeps only these.
   */
  public boolean wants(String path) {
    return admits(path) && glob.matches(path);
  }

  /** Not compressed, not excluded, and of a wanted pod, whatever the pattern says. */
  private boolean admits(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return !RotationNames.isCompressed(name) && !excluded(path, name) && pods.selects(path);
  }

  private boolean excluded(String path, String name) {
    for (PathGlob exclude : excludes) {
      if (exclude.match(path).isPresent() || exclude.match("/" + name).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** {@code /d/a.log.1} when {@code /d/a.log} matches too. */
  private static boolean isRotationOfAnother(String path, Set<String> paths) {
    int nameStart = path.lastIndexOf('/') + 1;
    for (int i = path.length() - 1; i > nameStart; i--) {
      if (".-_".indexOf(path.charAt(i)) >= 0 && paths.contains(path.substring(0, i))
          && RotationNames.isRotationOf(path.substring(nameStart), path.substring(nameStart, i))) {
        return true;
      }
    }
    return false;
  }

  /** For status: capped files as a sentence. */
  static String cappedMessage(int maxFiles, int left) {
    return "max_files (" + maxFiles + ") reached: " + left + " more matching file"
        + (left == 1 ? " is" : "s are") + " not followed";
  }
}
