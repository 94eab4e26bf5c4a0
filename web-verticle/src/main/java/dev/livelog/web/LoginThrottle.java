package dev.livelog.web;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins per client address: a burst of {@code burst} failures, then one more every
 * {@code refillMillis}; an address over that is refused (429) until it may try again, right
 * credentials included, so guessing gets no faster by waiting for a lucky one. IPv6 clients
 * count by their /64, which one machine usually holds whole.
 *
 * <p>Memory is bounded whatever the traffic: at most {@code maxAddresses} are remembered, the
 * least recently seen forgotten first (an address forgotten starts with a full burst again,
 * which only an attacker with that many addresses can use, and each of them could anyway).
 */
final class LoginThrottle {
  private final int burst;
  private final long refillMillis;
  private final int maxAddresses;
  private final Map<String, Bucket> buckets;

  LoginThrottle(int burst, long refillMillis, int maxAddresses) {
    this.burst = burst;
    this.refillMillis = refillMillis;
    this.maxAddresses = maxAddresses;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > LoginThrottle.this.maxAddresses;
      }
    };
  }

  /** 10 failures at once, then one every 6 s (10 a minute); 10,000 addresses remembered. */
  static LoginThrottle standard() {
    return new LoginThrottle(10, 6_000, 10_000);
  }

  /** Seconds until {@code address} may try again; 0 when it may now. */
  synchronized long retryAfterSeconds(String address, long now) {
    Bucket bucket = buckets.get(key(address));
    if (bucket == null) {
      return 0;
    }
    bucket.refill(now);
    return bucket.failures < burst ? 0 : Math.max(1, (bucket.since + refillMillis - now + 999) / 1000);
  }

  synchronized void failed(String address, long now) {
    Bucket bucket = buckets.computeIfAbsent(key(address), k -> new Bucket(now));
    bucket.refill(now);
    bucket.failures = Math.min(burst, bucket.failures + 1);
  }

  /** A right answer forgives the address's earlier mistakes. */
  synchronized void succeeded(String address) {
    buckets.remove(key(address));
  }

  synchronized int remembered() {
    return buckets.size();
  }

  /** An IPv6 address by its /64 prefix, anything else as it is. */
  static String key(String address) {
    if (address == null || !address.contains(":")) {
      return String.valueOf(address);
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
      if (bytes.length != 16) {
        return address;
      }
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
      }
      return prefix.append(":/64").toString();
    } catch (Exception e) {
      return address;
    }
  }

  private final class Bucket {
    int failures;
    long since;

    Bucket(long now) {
      since = now;
    }

    /** One failure forgiven per {@code refillMillis} since the last time one was. */
    void refill(long now) {
      long forgiven = (now - since) / refillMillis;
      if (forgiven > 0) {
        failures = (int) Math.max(0, failures - forgiven);
        since += forgiven * refillMillis;
      }
      if (failures == 0) {
        since = now;
      }
    }
  }
}
