package dev.livelog.bench.chaos;

import dev.livelog.source.ssh.OpenSshServer;
import java.util.Random;

/** What the faults act on. */
interface Testbed {
  LivelogProcess livelog();

  OpenSshServer sshd();

  WireMongo store();

  /** One of the logs, local or on the SSH host, picked at random. */
  LogWriter anyLog();

  Random random();
}
