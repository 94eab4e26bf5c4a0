package dev.livelog.source.ssh;

import java.time.Duration;
import java.util.Locale;

/**
 * The follow program run on a remote host: POSIX {@code sh}, GNU coreutils and findutils
 * ({@code stat}, {@code dd}, {@code find}, {@code sleep}, {@code sha256sum}; {@code gzip} for
 * compressed rotations), nothing installed. It is sent on the command's standard input
 * ({@code sh -s}), so the login shell never parses it and paths need no quoting for it; the
 * command line only names the source, so {@code ps} shows what it is.
 *
 * <p>Why not plain {@code tail -F}: its output does not say where the old file ended and the
 * new one began after a rotation, so byte offsets (and the event ids built from them) could not
 * stay exact. This program holds the followed file open on descriptor 3 and writes framed
 * output, one record per line, data frames carrying an exact byte count:
 * <pre>
 *   LIVELOG-TAIL 1              hello; anything before it (a login banner) is skipped
 *   F id pos why size           following file id (dev-inode) from pos; why: new, resume
 *                               (the checkpoint's content, wherever it is now), truncated
 *                               (the checkpoint's inode holds other content: from 0), rotated
 *                               (the checkpoint's file is gone: the path's file from 0)
 *   D n size                    n bytes of the file follow; size: the file's size then
 *   T size                      the file was truncated (smaller than pos, or no longer
 *                               starting as it did: written past pos again): read again from 0
 *   R id size                   the old file was read to its end; next: a later rotation
 *                               or the path's file, id, from 0
 *   K size                      heartbeat while idle, every 2 s
 *   E                           a file of a set is gone from its path and was read: the end
 *   X message                   a fatal error; the program exits
 * </pre>
 * When resuming a checkpoint whose file is no longer at the path, the file is looked for in
 * the path's directory (a link's: its target's, as kubelet's container logs), by inode, then
 * by fingerprint among the path's rotations (uncompressed first, since a {@code .gz} being
 * written is incomplete; then inside {@code .gz}: streamed decompressed from the offset),
 * finished first, then the rotations newer
 * than it and the path's file, each announced by an {@code R} record. On rotation the old file
 * is finished (it stays open) before the new one, once it was quiet for one poll; rotations
 * made meanwhile (newer than it) come before the path's file.
 *
 * <p>Clean stop: a background {@code cat} waits for the end of standard input, which comes
 * when livelog closes the channel or the SSH server drops the session, and then ends the
 * program; heartbeats make a write fail (SIGPIPE) if the channel is gone anyway. Nothing stays
 * running on the server.
 */
public final class TailScript {
  /** The hello line that starts the framed output. */
  static final String HELLO = "LIVELOG-TAIL 1";
  /** Largest data frame: bounds one {@code dd} read on the server. */
  static final int MAX_FRAME = 1 << 20;

  private static final String BODY = """
      exec 5<&0
      ( exec <&5 >/dev/null 2>&1 5<&-; cat; kill -TERM $$ ) &
      exec 5<&- </dev/null
      printf '\\nLIVELOG-TAIL 1\\n'
      fail() { printf 'X %s\\n' "$*"; exit 1; }
      fdstat() { stat -L -c '%d-%i %s' /dev/fd/3 "$@" 2>/dev/null; }
      nl='
      '
      fplen=${fp%%:*}; fphash=${fp#*:}
      holds() {
        [ "$fp" != - ] || return 1
        case "$1" in
          *.gz) h=$(gzip -dc -- "$1" 2>/dev/null | head -c "$fplen" | sha256sum | cut -c1-16) ;;
          *) h=$(head -c "$fplen" -- "$1" 2>/dev/null | sha256sum | cut -c1-16) ;;
        esac
        [ "$h" = "$fphash" ]
      }
      isours() { [ "$fp" = - ] || holds "$1"; }
      r=$(readlink -f -- "$p" 2>/dev/null); [ -n "$r" ] || r=$p
      dir=$(dirname -- "$r"); base=$(basename -- "$r")
      rotations() {
        find "$dir" -maxdepth 1 -type f \\( -name "$base.[0-9]*" -o -name "$base-[0-9]*" \\
          -o -name "${base}_[0-9]*" \\) "$@" -printf '%T@ %p\\n' 2>/dev/null | sort -n | cut -d' ' -f2-
      }
      found=
      locate() {
        for c in $(find "$dir" -maxdepth 1 -type f -inum "${want#*-}" 2>/dev/null); do
          set -- $(stat -L -c '%d-%i %s' -- "$c" 2>/dev/null)
          case "$c" in *.gz) continue ;; esac
          if [ "$1" = "$want" ] && [ "$2" -ge "$pos" ] && isours "$c"; then found=$c; return; fi
        done
        [ "$fp" != - ] || return
        for c in "$p" $(rotations); do
          case "$c" in *.gz) continue ;; esac
          if holds "$c"; then found=$c; return; fi
        done
        for c in $(rotations); do
          case "$c" in *.gz) if holds "$c"; then found=$c; return; fi ;; esac
        done
      }
      ended() { printf 'E\\n'; exit 0; }
      if [ -e "$p" ] || [ "$gone" != end ]; then
        [ -e "$p" ] || fail "no such file: $p"
        [ -f "$p" ] || fail "not a regular file: $p"
        [ -r "$p" ] || fail "permission denied: $p"
        command exec 3<"$p" || fail "cannot open $p"
        set -- $(fdstat); id=$1; size=$2; phys=$1
      else
        id=-; size=0; phys=-
      fi
      why=new; mode=file; later=; missing=0
      if [ "$want" = - ]; then
        [ "$id" = - ] && { printf 'F - 0 gone 0\\n'; ended; }
        if [ "$from" = start ]; then pos=0; else pos=$size; fi
      elif [ "$id" = "$want" ] && [ "$size" -ge "$pos" ] && isours "$p"; then
        why=resume
      else
        locate
        if [ -z "$found" ]; then
          [ "$id" = - ] && { printf 'F %s %s gone 0\\n' "$want" "$pos"; ended; }
          if [ "$id" = "$want" ]; then why=truncated; else why=rotated; fi
          pos=0
        else
          why=resume; id=$want
          [ "$found" = "$p" ] || later=$(rotations -newer "$found")
          case "$found" in
            *.gz) mode=gz; cur=$found; size=$(gzip -dc -- "$found" | wc -c) ;;
            *) command exec 3<"$found" || fail "cannot open $found"
               set -- $(fdstat); phys=$1; size=$2 ;;
          esac
        fi
      fi
      [ "$mode" = file ] && [ "$pos" -gt 0 ] && dd iflag=skip_bytes skip="$pos" count=0 <&3 2>/dev/null
      printf 'F %s %s %s %s\\n' "$id" "$pos" "$why" "$size"
      if [ "$why" = resume ]; then cfp=$fp; else cfp=-; fi
      # The fingerprint of the file read (cfp): its first bytes, up to 1 KiB, once read. After a
      # pause (a full pipe while livelog waits for its store) a file truncated and written past
      # pos again is told by it, not by its size.
      cfplen=0; [ "$cfp" = - ] || cfplen=${cfp%%:*}
      first() { head -c "$1" /dev/fd/3 2>/dev/null | sha256sum | cut -c1-16; }
      learn() {
        [ "$mode" = file ] && [ "$cfplen" -lt 1024 ] && [ "$pos" -gt "$cfplen" ] || return 0
        cfplen=$pos; [ "$cfplen" -gt 1024 ] && cfplen=1024
        cfp=$cfplen:$(first "$cfplen")
      }
      rewritten() { [ "$cfp" != - ] && [ "$(first "$cfplen")" != "${cfp#*:}" ]; }
      next() {
        cfp=-; cfplen=0
        if [ -n "$later" ]; then
          n=${later%%"$nl"*}
          case "$later" in *"$nl"*) later=${later#*"$nl"} ;; *) later= ;; esac
          set -- $(stat -L -c '%d-%i %s' -- "$n" 2>/dev/null)
          [ $# -ge 2 ] || return 0
          case "$n" in
            *.gz) mode=gz; cur=$n; id=$1; pos=0; printf 'R %s 0\\n' "$id"; return 0 ;;
          esac
          command exec 3<"$n" || return 0
        else
          if ! command exec 3<"$p" 2>/dev/null; then
            [ "$gone" = end ] && ended
            return 1
          fi
        fi
        set -- $(fdstat); id=$1; phys=$1; pos=0; mode=file
        printf 'R %s %s\\n' "$id" "$2"
      }
      gzframes() {
        total=$(gzip -dc -- "$cur" | wc -c)
        gzip -dc -- "$cur" | tail -c +$((pos + 1)) | {
          while [ "$pos" -lt "$total" ]; do
            n=$((total - pos)); [ "$n" -gt "$max" ] && n=$max
            printf 'D %s %s\\n' "$n" "$total"
            dd bs="$n" count=1 iflag=fullblock conv=sync 2>/dev/null || exit 1
            pos=$((pos + n))
          done
        } || exit 1
      }
      clock() { read up rest </proc/uptime 2>/dev/null && up=${up%.*}; }
      idle=0; moved=0; beatat=0; gonesince=; checkedat=0
      while :; do
        if [ "$mode" = gz ]; then gzframes; mode=done; fi
        if [ "$mode" = done ]; then
          [ -n "$later" ] || later=$(rotations -newer "$cur")
          next && continue
          size=0
        else
          set -- $(fdstat "$p")
          [ $# -ge 2 ] || fail "cannot stat the open file $p"
          size=$2
          if [ "$size" -gt "$pos" ] && clock && [ "$up" -gt "$checkedat" ]; then
            checkedat=$up  # new bytes: at most once a second, is it still our file?
            rewritten && size=-1
          fi
          if [ "$size" -lt "$pos" ]; then
            exec 3</dev/fd/3; pos=0; cfp=-; cfplen=0; printf 'T %s\\n' "$2"; continue
          fi
          if [ "$size" -gt "$pos" ]; then
            n=$((size - pos)); [ "$n" -gt "$max" ] && n=$max
            printf 'D %s %s\\n' "$n" "$size"
            dd bs="$n" count=1 iflag=fullblock conv=sync <&3 2>/dev/null || exit 1
            pos=$((pos + n)); idle=0; moved=0; learn; continue
          fi
          if [ $# -ge 4 ] && [ "$3" != "$phys" ]; then
            moved=$((moved + 1))
            if [ "$moved" -ge 2 ]; then
              # Rotated more than once before this file was finished: the later rotations first.
              [ -n "$later" ] || later=$(rotations -newermt "$(stat -L -c %y /dev/fd/3)")
              if next; then moved=0; continue; fi
            fi
          fi
          if [ $# -lt 4 ] && [ "$gone" = end ]; then
            missing=$((missing + 1))
            if clock; then
              [ -n "$gonesince" ] || gonesince=$up
              [ $((up - gonesince)) -ge 3 ] && ended
            elif [ "$missing" -ge "$grace" ]; then ended; fi
          else
            missing=0; gonesince=
          fi
        fi
        idle=$((idle + 1))
        if clock; then
          if [ "$up" -ge $((beatat + 2)) ]; then printf 'K %s\\n' "$size"; beatat=$up; fi
        elif [ "$idle" -ge "$beat" ]; then printf 'K %s\\n' "$size"; idle=0; fi
        sleep "$poll"
      done
      """;

  private TailScript() {}

  /**
   * The command line: {@code sh} reading its program from stdin, named for {@code ps} by the
   * program and the source's id (letters, digits, '.', '_', '-'): safe in any login shell.
   */
  public static String command(String program, String sourceId) {
    return "exec sh -s " + program + " " + sourceId.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /**
   * The program for one start position, sent on standard input.
   *
   * @param fileId the checkpoint's {@code dev-inode}, or null to start fresh
   * @param fingerprint the checkpoint's {@link dev.livelog.source.Fingerprint}, or null
   * @param fromStart without a checkpoint: read the whole file (else only new lines)
   * @param endWhenGone a file of a set: end ({@code E}) once the path is gone (for 3 s) and
   *     the file read, instead of waiting for a new file there
   */
  static String program(String path, String fileId, long offset, String fingerprint,
      boolean fromStart, boolean endWhenGone, Duration poll) {
    long pollMillis = Math.max(10, poll.toMillis());
    // A heartbeat every 2 s by the host's clock (/proc/uptime, read without a process), else
    // every 2 s of polls: on a loaded host a poll takes far longer than its sleep (each runs
    // stat), and livelog calls a tail silent for 20 s hung.
    long beat = Math.max(1, 2_000 / pollMillis);
    String vars = "p=" + quote(path)
        + "; want=" + (fileId == null ? "-" : quote(fileId))
        + "; pos=" + offset
        + "; fp=" + (fingerprint == null ? "-" : quote(fingerprint))
        + "; from=" + (fromStart ? "start" : "end")
        + "; poll=" + String.format(Locale.ROOT, "%d.%03d", pollMillis / 1000, pollMillis % 1000)
        + "; beat=" + beat
        + "; gone=" + (endWhenGone ? "end" : "wait")
        + "; grace=" + Math.max(2, 3_000 / pollMillis)
        + "; max=" + MAX_FRAME + "\n";
    // One compound command: sh parses all of it before running any, so the background cat
    // cannot swallow the rest of the program from standard input.
    return "{\n" + vars + BODY + "}\n";
  }

  /** POSIX single quotes: everything literal, a quote written as '\''. */
  public static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
