package io.tokenwise.spring;

import io.tokenwise.Env;
import io.tokenwise.Provider;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tokenwise.*}: each generated client's credentials and settings under {@code
 * tokenwise.clients.<name>} (its configuration name, such as {@code paxos-transfers}), defaults
 * for every client of a provider under {@code tokenwise.providers.<provider>}, and the shared
 * token cache under {@code tokenwise.cache}.
 */
@ConfigurationProperties("tokenwise")
public class TokenwiseProperties {
  /**
   * Settings of each generated client, by its configuration name: the interface's name in kebab
   * case ({@code PaxosTransfers} is {@code paxos-transfers}).
   */
  private Map<String, Client> clients = new LinkedHashMap<>();

  /** Defaults for every client of a provider; a client's own settings win. */
  private Map<Provider, Client> providers = new EnumMap<>(Provider.class);

  /** The token cache all clients share. */
  private Cache cache = new Cache();

  public Map<String, Client> getClients() {
    return clients;
  }

  public void setClients(Map<String, Client> clients) {
    this.clients = clients;
  }

  public Map<Provider, Client> getProviders() {
    return providers;
  }

  public void setProviders(Map<Provider, Client> providers) {
    this.providers = providers;
  }

  public Cache getCache() {
    return cache;
  }

  public void setCache(Cache cache) {
    this.cache = cache;
  }

  /** One client's credentials and settings; each overrides the interface's annotation. */
  public static class Client {
    /** The client id (Papaya Global: the API key). */
    private String clientId;

    /** The client secret (Mangopay: the API key). Never logged nor shown. */
    private String clientSecret;

    /** The provider environment, overriding the annotation's. */
    private Env env;

    /** The API base URL, ending in '/'; https (http only for loopback). */
    private String baseUrl;

    /** The token URL; https (http only for loopback). */
    private String tokenUrl;

    public String getClientId() {
      return clientId;
    }

    public void setClientId(String clientId) {
      this.clientId = clientId;
    }

    public String getClientSecret() {
      return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
    }

    public Env getEnv() {
      return env;
    }

    public void setEnv(Env env) {
      this.env = env;
    }

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getTokenUrl() {
      return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
    }

    /** No credentials: a secret must not reach a log through a debug print. */
    @Override
    public String toString() {
      return "Client{env=" + env + ", baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl
          + ", clientId=" + (clientId == null ? "unset" : "set")
          + ", clientSecret=" + (clientSecret == null ? "unset" : "set") + "}";
    }
  }

  /** Settings of the shared {@code TokenCache}; see its builder for each. */
  public static class Cache {
    /** At most one token request per key per this interval. */
    private Duration minRequestInterval = Duration.ofSeconds(1);

    /** How long one token request may take before it is cancelled and retried. */
    private Duration tokenRequestTimeout = Duration.ofSeconds(10);

    /** How long a caller with no usable token waits for one. */
    private Duration waitTimeout = Duration.ofSeconds(30);

    /** How long a 400/401/403 from the token endpoint is answered from memory. */
    private Duration rejectionMemory = Duration.ofSeconds(10);

    /** At most one 401-forced refresh per key per this interval. */
    private Duration forcedRefreshInterval = Duration.ofSeconds(10);

    /** The longest pause between retries of a failing token endpoint. */
    private Duration maxBackoff = Duration.ofSeconds(30);

    public Duration getMinRequestInterval() {
      return minRequestInterval;
    }

    public void setMinRequestInterval(Duration minRequestInterval) {
      this.minRequestInterval = minRequestInterval;
    }

    public Duration getTokenRequestTimeout() {
      return tokenRequestTimeout;
    }

    public void setTokenRequestTimeout(Duration tokenRequestTimeout) {
      this.tokenRequestTimeout = tokenRequestTimeout;
    }

    public Duration getWaitTimeout() {
      return waitTimeout;
    }

    public void setWaitTimeout(Duration waitTimeout) {
      this.waitTimeout = waitTimeout;
    }

    public Duration getRejectionMemory() {
      return rejectionMemory;
    }

    public void setRejectionMemory(Duration rejectionMemory) {
      this.rejectionMemory = rejectionMemory;
    }

    public Duration getForcedRefreshInterval() {
      return forcedRefreshInterval;
    }

    public void setForcedRefreshInterval(Duration forcedRefreshInterval) {
      this.forcedRefreshInterval = forcedRefreshInterval;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }
  }
}
