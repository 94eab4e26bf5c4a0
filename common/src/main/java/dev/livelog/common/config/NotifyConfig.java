package dev.livelog.common.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where alerts are sent: {@code receivers} by name, each a webhook that gets Alertmanager's
 * webhook JSON (version 4) when an alert fires and when it resolves, or an Alertmanager. {@code external_url} is
 * the dashboard's address as people reach it, for the links in notifications (default: the
 * {@code web} host and port).
 */
public record NotifyConfig(String externalUrl, Map<String, Receiver> receivers) {

  public NotifyConfig {
    receivers = receivers == null ? Map.of() : new LinkedHashMap<>(receivers);
  }

  public static NotifyConfig defaults() {
    return new NotifyConfig(null, null);
  }

  /** Whether {@code url} is an http:// or https:// URL with a host. */
  public static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The dashboard's address for links: {@code external_url}, else the web server's own. */
  public String externalUrl(WebConfig web) {
    if (externalUrl != null) {
      return externalUrl.replaceAll("/+$", "");
    }
    String host = web.host().contains(":") && !web.host().startsWith("[") ? "[" + web.host() + "]" : web.host();
    return (web.tls() == null ? "http" : "https") + "://" + host + ":" + web.port();
  }

  /**
   * A receiver of a {@code kind} registered in the alert module ({@code webhook}, the default:
   * Alertmanager's webhook JSON; {@code alertmanager}: posted into an Alertmanager's API): its
   * {@code url}, or {@code url_env} naming the environment variable that holds
   * it (a URL with a token in it stays out of the file); {@code bearer_token_env} names one
   * holding a token sent as {@code Authorization: Bearer}; each attempt times out after
   * {@code timeout}; resolved alerts are sent too unless {@code send_resolved: false}.
   */
  public record Receiver(String kind, String url, String urlEnv, String bearerTokenEnv,
      Duration timeout, Boolean sendResolved) {

    public Receiver {
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
      sendResolved = sendResolved == null || sendResolved;
    }

    /** The URL, from the file or the environment (null when the variable is unset). */
    public String url(Map<String, String> environment) {
      return url != null ? url : environment.get(urlEnv);
    }
  }
}
