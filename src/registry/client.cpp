#include "registry/client.h"
#include "util/escape.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

namespace msm::registry {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// One connection cache per thread (parallel layer fetches each get their own).
HttpClient &http() {
  thread_local HttpClient client;
  return client;
}

std::string host_of_url(const std::string &url) {
  size_t start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  return url.substr(start, url.find_first_of("/?#", start) - start);
}

std::vector<std::string> split_words(const std::string &s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) {
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
  }
  return out;
}

std::string read_text(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const Challenge *find_scheme(const std::vector<Challenge> &challenges, std::string_view scheme) {
  for (const auto &c : challenges) {
    if (c.scheme == scheme) return &c;
  }
  return nullptr;
}

bool retryable(long status) {
  return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

// Exponential backoff with jitter; Retry-After (seconds) wins when the registry sends it.
void back_off(const RegistryOptions &options, int attempt, const std::string &retry_after) {
  auto delay = options.first_backoff * (1 << std::min(attempt - 1, 6));
  thread_local std::mt19937 rng{std::random_device{}()};
  delay += std::chrono::milliseconds(std::uniform_int_distribution<int>(0, static_cast<int>(options.first_backoff.count() / 2 + 1))(rng));
  if (!retry_after.empty() && std::all_of(retry_after.begin(), retry_after.end(), ::isdigit)) {
    delay = std::chrono::seconds(std::min(60, std::atoi(retry_after.c_str())));
  }
  std::this_thread::sleep_for(delay);
}

std::string content_type(const HttpResponse &r) {
  std::string t = r.header("content-type");
  t = t.substr(0, t.find(';'));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return t;
}

std::string param(const Challenge &c, const std::string &name) {
  auto it = c.params.find(name);
  return it == c.params.end() ? "" : it->second;
}

// Tokens are cached per (host, realm, service, scope).
std::string token_key(const std::string &host, const Challenge &c, const std::string &scope) {
  return host + "\n" + param(c, "realm") + "\n" + param(c, "service") + "\n" + scope;
}

}  // namespace

bool is_loopback_host(std::string_view host) {
  std::string_view h = host;
  if (h.starts_with('[')) return h.substr(0, h.find(']') + 1) == "[::1]";
  h = h.substr(0, h.find(':'));
  return h == "localhost" || h.starts_with("127.") || h.ends_with(".localhost");
}

void RegistryOptions::add_environment() {
  // A list the command line gave wins whole: the environment fills only what it left empty.
  auto add_list = [](const char *name, std::vector<std::string> &into) {
    const char *v = std::getenv(name);
    if (!v || !into.empty()) return;
    std::string s = v;
    for (size_t pos = 0; pos <= s.size();) {
      size_t comma = s.find(',', pos);
      if (comma == std::string::npos) comma = s.size();
      std::string item = s.substr(pos, comma - pos);
      item.erase(0, item.find_first_not_of(' '));
      item.erase(item.find_last_not_of(' ') + 1);
      if (!item.empty()) into.push_back(item);
      pos = comma + 1;
    }
  };
  add_list("MSMIGRATE_REGISTRY_MIRRORS", mirrors);
  add_list("MSMIGRATE_INSECURE_REGISTRIES", insecure);
  if (const char *v = std::getenv("MSMIGRATE_PUSH_CHUNK_SIZE"); v && *v) {
    char *end = nullptr;
    errno = 0;
    unsigned long long n = std::strtoull(v, &end, 10);
    if (errno != 0 || *end != '\0' || *v == '-') {
      throw Error(std::string("MSMIGRATE_PUSH_CHUNK_SIZE=") + v + ": want a number of bytes (0: one PUT per blob)");
    }
    chunk_size = n;
  }
}

std::vector<Endpoint> endpoints_for(std::string_view domain, const RegistryOptions &options) {
  std::vector<Endpoint> out;
  if (domain == "docker.io") {
    for (std::string m : options.mirrors) {
      Endpoint e;
      e.mirror = true;
      if (m.starts_with("http://")) e.explicit_http = true;
      if (size_t s = m.find("://"); s != std::string::npos) m = m.substr(s + 3);
      while (!m.empty() && m.back() == '/') m.pop_back();
      if (m.find('/') != std::string::npos) throw Error("registry mirror '" + m + "': give host[:port] only (mirrors serve the same /v2/ paths)");
      e.host = m;
      e.domain = m;
      out.push_back(e);
    }
    out.push_back({"registry-1.docker.io", "docker.io"});
  } else {
    out.push_back({std::string(domain), std::string(domain)});
  }
  return out;
}

Session::Session(RegistryOptions options) : m_options(std::move(options)) {}

bool Session::is_insecure(const std::string &host) const {
  return std::find(m_options.insecure.begin(), m_options.insecure.end(), host) != m_options.insecure.end();
}

TlsOptions Session::tls_for(const std::string &host) {
  std::lock_guard<std::mutex> lock(m_mutex);
  if (auto it = m_tls.find(host); it != m_tls.end()) return it->second;
  TlsOptions tls;
  tls.verify = !is_insecure(host);
  // The first certs.d directory that exists for the host (containers' perHostCertDirs, then Docker's).
  std::vector<fs::path> dirs;
  if (!m_options.cert_dir.empty()) {
    dirs.push_back(m_options.cert_dir);
  } else {
    std::string config_home = std::getenv("XDG_CONFIG_HOME") ? std::getenv("XDG_CONFIG_HOME") : "";
    if (config_home.empty() && std::getenv("HOME")) config_home = std::string(std::getenv("HOME")) + "/.config";
    if (!config_home.empty()) dirs.push_back(fs::path(config_home) / "containers/certs.d" / host);
    dirs.push_back(fs::path("/etc/containers/certs.d") / host);
    dirs.push_back(fs::path("/etc/docker/certs.d") / host);
  }
  std::error_code ec;
  for (const auto &dir : dirs) {
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (const auto &entry : fs::directory_iterator(dir, ec)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto &f : files) {
      if (f.extension() == ".crt") {
        tls.ca_pem += read_text(f) + "\n";
      } else if (f.extension() == ".cert") {
        fs::path key = f;
        key.replace_extension(".key");
        if (!fs::exists(key, ec)) throw Error(f.string() + " has no matching " + key.filename().string());
        tls.client_cert = f.string();
        tls.client_key = key.string();
      }
    }
    break;
  }
  m_tls[host] = tls;
  return tls;
}

Session::Ping Session::ping(const Endpoint &endpoint) {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (auto it = m_pings.find(endpoint.host); it != m_pings.end()) return it->second;
  }
  // Loopback and registries named insecure may answer plain HTTP; elsewhere HTTPS only, never a
  // silent downgrade.
  std::vector<std::string> schemes{"https"};
  if (endpoint.explicit_http) schemes = {"http"};
  else if (is_loopback_host(endpoint.host) || is_insecure(endpoint.host)) schemes.push_back("http");
  if (endpoint.explicit_http && !is_loopback_host(endpoint.host) && !is_insecure(endpoint.host)) {
    throw Error("registry mirror http://" + endpoint.host + " is plain HTTP: name it with --insecure-registry " + endpoint.host +
                " (or MSMIGRATE_INSECURE_REGISTRIES) to allow that");
  }
  std::string last_error;
  for (const auto &scheme : schemes) {
    HttpRequest request;
    request.url = scheme + "://" + endpoint.host + "/v2/";
    request.tls = tls_for(endpoint.host);
    HttpResponse response;
    try {
      response = http().perform(request);
    } catch (const TransportError &e) {
      last_error = e.what();
      continue;
    }
    if (response.status == 404) throw RegistryError(endpoint.host + " is not a registry: /v2/ answered 404", 404, "");
    if (response.status != 200 && response.status != 401) {
      last_error = request.url + " answered " + std::to_string(response.status);
      if (retryable(response.status)) throw RegistryError("cannot reach the registry " + endpoint.host + ": " + last_error, response.status, "");
      continue;
    }
    Ping ping{scheme, parse_challenges(response.www_authenticate)};
    std::lock_guard<std::mutex> lock(m_mutex);
    m_pings[endpoint.host] = ping;
    return ping;
  }
  throw TransportError("cannot reach the registry " + endpoint.host + ": " + last_error);
}

void Session::remember_challenge(const Endpoint &endpoint, std::vector<Challenge> challenges) {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_pings[endpoint.host].challenges = std::move(challenges);
}

std::optional<Credential> Session::credential(const std::string &domain) {
  std::lock_guard<std::mutex> lock(m_mutex);
  if (auto it = m_credentials.find(domain); it != m_credentials.end()) return it->second;
  auto c = find_credential(domain, m_options.credentials);
  m_credentials[domain] = c;
  return c;
}

void Session::set_credential(const std::string &domain, Credential credential) {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_credentials[domain] = std::move(credential);
}

void Session::check_login(const Endpoint &endpoint) {
  Ping p = ping(endpoint);
  if (p.challenges.empty()) return;  // an open registry takes anyone
  HttpRequest request;
  request.url = p.scheme + "://" + endpoint.host + "/v2/";
  request.tls = tls_for(endpoint.host);
  std::string auth = authorization(endpoint, "", true);
  if (!auth.empty()) request.headers.push_back("Authorization: " + auth);
  HttpResponse response = http().perform(request);
  if (response.status == 200) return;
  throw RegistryError("login to " + endpoint.host + " failed: the registry answered " + std::to_string(response.status) +
                          " to the credentials given",
                      response.status, "UNAUTHORIZED");
}

std::string Session::authorization(const Endpoint &endpoint, const std::string &scope, bool refresh) {
  Ping p = ping(endpoint);
  if (const Challenge *bearer = find_scheme(p.challenges, "bearer")) {
    std::string key = token_key(endpoint.host, *bearer, scope);
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      auto it = m_tokens.find(key);
      if (!refresh && it != m_tokens.end() && it->second.expires > std::chrono::steady_clock::now()) {
        return "Bearer " + it->second.value;
      }
    }
    Challenge challenge = *bearer;
    std::string token = fetch_token(endpoint, challenge, scope);
    return "Bearer " + token;
  }
  if (find_scheme(p.challenges, "basic")) {
    auto c = credential(endpoint.domain);
    if (!c || c->username.empty()) return "";
    if (p.scheme != "https" && !is_loopback_host(endpoint.host)) {
      throw Error("refusing to send the password for " + endpoint.host + " over plain HTTP");
    }
    return "Basic " + base64_encode(c->username + ":" + c->password);
  }
  return "";
}

std::string Session::fetch_token(const Endpoint &endpoint, const Challenge &challenge, const std::string &scope) {
  auto realm_it = challenge.params.find("realm");
  if (realm_it == challenge.params.end() || realm_it->second.empty()) {
    throw Error(endpoint.host + " asked for a bearer token without saying where to get one (no realm)");
  }
  const std::string &realm = realm_it->second;
  std::string realm_host = host_of_url(realm);
  // The realm receives credentials: it must be HTTPS unless the registry itself is local or
  // named insecure (GGCR's rule).
  if (!realm.starts_with("https://") && !is_loopback_host(endpoint.host) && !is_insecure(endpoint.host)) {
    throw Error(endpoint.host + " sends clients to the token server " + url_for_messages(realm) +
                ", which is not HTTPS: refusing to send credentials there");
  }
  auto cred = credential(endpoint.domain);
  std::string service = challenge.params.count("service") ? challenge.params.at("service") : "";
  std::vector<std::string> scopes = split_words(scope);
  HttpRequest request;
  request.tls = tls_for(realm_host);
  if (cred && !cred->registry_token.empty()) return cred->registry_token;
  if (cred && !cred->identity_token.empty()) {
    // OAuth2 refresh-token grant (distribution's oauth.md).
    request.method = "POST";
    request.url = realm;
    request.headers.push_back("Content-Type: application/x-www-form-urlencoded");
    request.body = "grant_type=refresh_token&client_id=msmigrate&service=" + util::percent_encode(service) +
                   "&refresh_token=" + util::percent_encode(cred->identity_token);
    for (const auto &s : scopes) request.body += "&scope=" + util::percent_encode(s);
  } else {
    request.url = realm + (realm.find('?') == std::string::npos ? "?" : "&") + "service=" + util::percent_encode(service);
    for (const auto &s : scopes) request.url += "&scope=" + util::percent_encode(s);
    if (cred && !cred->username.empty()) {
      request.url += "&account=" + util::percent_encode(cred->username);
      request.headers.push_back("Authorization: Basic " + base64_encode(cred->username + ":" + cred->password));
    }
  }
  HttpResponse response;
  for (int attempt = 1;; ++attempt) {
    try {
      response = http().perform(request);
    } catch (const TransportError &e) {
      if (attempt >= m_options.attempts) throw TransportError("cannot get a token for " + endpoint.host + ": " + e.what());
      back_off(m_options, attempt, "");
      continue;
    }
    if (retryable(response.status) && attempt < m_options.attempts) {
      back_off(m_options, attempt, response.header("retry-after"));
      continue;
    }
    break;
  }
  if (response.status == 401 || response.status == 403) {
    if (cred) {
      throw RegistryError("authentication to " + endpoint.host + " failed: the token server " + realm_host +
                              " refused the credentials from " + cred->source + " (check them, or run `msmigrate login " +
                              endpoint.domain + "`)",
                          response.status, "UNAUTHORIZED");
    }
    throw RegistryError("the token server " + realm_host + " of " + endpoint.host +
                            " refused anonymous access: log in with `msmigrate login " + endpoint.domain + "`",
                        response.status, "UNAUTHORIZED");
  }
  if (response.status != 200) {
    throw RegistryError("the token server " + realm_host + " of " + endpoint.host + " answered " + std::to_string(response.status),
                        response.status, "");
  }
  Json j = Json::parse(response.body, nullptr, false);
  std::string token;
  if (!j.is_discarded() && j.is_object()) {
    if (j.contains("access_token") && j["access_token"].is_string()) token = j["access_token"].get<std::string>();
    if (token.empty() && j.contains("token") && j["token"].is_string()) token = j["token"].get<std::string>();
  }
  if (token.empty()) throw Error("the token server " + realm_host + " of " + endpoint.host + " answered without a token");
  // The token spec: `expires_in` seconds from issue, 60 when the server does not say.
  long long expires_in = 60;
  if (j.contains("expires_in") && j["expires_in"].is_number_integer() && j["expires_in"].get<long long>() > 0) {
    expires_in = std::min<long long>(j["expires_in"].get<long long>(), 24 * 3600);
  }
  // Renewed before it runs out: 10 s early, or at half its life when that is shorter, so a
  // request never leaves with a token about to expire.
  auto life = std::chrono::milliseconds(expires_in * 1000);
  auto renew_at = std::chrono::steady_clock::now() + life - std::min(life / 2, std::chrono::milliseconds(10000));
  std::string key = token_key(endpoint.host, challenge, scope);
  std::lock_guard<std::mutex> lock(m_mutex);
  m_tokens[key] = {token, renew_at};
  return token;
}

RegistryClient::RegistryClient(Session &session, Endpoint endpoint, std::string repository)
    : m_session(session),
      m_endpoint(std::move(endpoint)),
      m_repository(std::move(repository)),
      m_pull_scope("repository:" + m_repository + ":pull"),
      m_push_scope("repository:" + m_repository + ":pull,push") {}

std::string RegistryClient::describe() const { return m_endpoint.host + "/" + m_repository; }

HttpResponse RegistryClient::exchange(HttpRequest request, const std::string &scope) {
  Session::Ping ping = m_session.ping(m_endpoint);
  std::string base = ping.scheme + "://" + m_endpoint.host;
  std::string origin = url_origin(base);
  std::string current_scope = scope;
  std::string auth = m_session.authorization(m_endpoint, current_scope, false);
  bool refreshed = false;
  // Paths are the API's; upload Locations may be absolute URLs.
  std::string url = request.url.starts_with("/") ? base + request.url : request.url;
  for (int hop = 0; hop < 10; ++hop) {
    HttpRequest r = request;
    r.url = url;
    r.tls = m_session.tls_for(host_of_url(url));
    bool same_origin = url_origin(url) == origin;
    // Never to another host: presigned storage URLs carry their own signature.
    if (!auth.empty() && same_origin) r.headers.push_back("Authorization: " + auth);
    HttpResponse response = http().perform(r);
    if (response.status == 401 && same_origin && !refreshed) {
      auto challenges = parse_challenges(response.www_authenticate);
      if (!challenges.empty()) {
        if (const Challenge *bearer = find_scheme(challenges, "bearer"); bearer && bearer->params.count("scope")) {
          for (const auto &s : split_words(bearer->params.at("scope"))) {
            if (current_scope.find(s) == std::string::npos) current_scope += " " + s;
          }
        }
        m_session.remember_challenge(m_endpoint, challenges);
      }
      std::string renewed = m_session.authorization(m_endpoint, current_scope, true);
      refreshed = true;
      if (renewed.empty() && auth.empty()) return response;  // nothing better to offer
      auth = renewed;
      continue;
    }
    std::string location = response.header("location");
    if ((response.status == 301 || response.status == 302 || response.status == 303 || response.status == 307 ||
         response.status == 308) && !location.empty()) {
      url = resolve_url(url, location);
      if (response.status == 303) request.method = "GET";
      continue;
    }
    return response;
  }
  throw Error("more than 10 redirects fetching " + url_for_messages(url));
}

HttpResponse RegistryClient::send(HttpRequest request, const std::string &scope) {
  const RegistryOptions &options = m_session.options();
  for (int attempt = 1;; ++attempt) {
    HttpResponse response;
    try {
      response = exchange(request, scope);
    } catch (const TransportError &) {
      // A streamed body is resumed by the caller, which knows how far it got.
      if (request.sink || attempt >= options.attempts) throw;
      back_off(options, attempt, "");
      continue;
    }
    if (retryable(response.status) && attempt < options.attempts) {
      back_off(options, attempt, response.header("retry-after"));
      continue;
    }
    return response;
  }
}

void RegistryClient::fail(const HttpResponse &response, const std::string &what) {
  std::string code, message;
  Json j = Json::parse(response.body, nullptr, false);
  if (!j.is_discarded() && j.is_object() && j.contains("errors") && j["errors"].is_array() && !j["errors"].empty()) {
    const Json &e = j["errors"][0];
    if (e.contains("code") && e["code"].is_string()) code = e["code"].get<std::string>();
    if (e.contains("message") && e["message"].is_string()) message = e["message"].get<std::string>();
  }
  std::string detail = code.empty() ? "" : " (" + code + (message.empty() ? "" : ": " + message) + ")";
  std::string where = describe();
  if (response.status == 401 || response.status == 403) {
    auto cred = m_session.credential(m_endpoint.domain);
    throw RegistryError(where + " refused access to " + what + detail + ": " +
                            (cred ? "the credentials from " + cred->source + " were not accepted"
                                  : "no credentials for " + m_endpoint.domain + " (run `msmigrate login " + m_endpoint.domain + "`)"),
                        response.status, code);
  }
  if (response.status == 404) throw RegistryError(what + " not found in " + where + detail, 404, code);
  if (response.status == 429) {
    std::string remaining = response.header("ratelimit-remaining");
    throw RegistryError(where + ": too many requests (the registry's rate limit" +
                            (remaining.empty() ? "" : "; remaining " + remaining) + "), for " + what + detail,
                        429, code);
  }
  throw RegistryError(where + " answered " + std::to_string(response.status) + " for " + what + detail, response.status, code);
}

std::optional<Manifest> RegistryClient::head_manifest(const std::string &tag_or_digest) {
  HttpRequest request;
  request.method = "HEAD";
  request.url = "/v2/" + m_repository + "/manifests/" + tag_or_digest;
  request.headers.push_back(k_manifest_accept);
  HttpResponse response = send(request, m_pull_scope);
  if (response.status != 200) {
    // HEAD has no body to explain itself: a GET gives the registry's message.
    (void)get_manifest(tag_or_digest);
    return std::nullopt;
  }
  Manifest m;
  m.media_type = content_type(response);
  m.digest = response.header("docker-content-digest");
  if (m.digest.empty()) return std::nullopt;
  return m;
}

Manifest RegistryClient::get_manifest(const std::string &tag_or_digest) {
  HttpRequest request;
  request.url = "/v2/" + m_repository + "/manifests/" + tag_or_digest;
  request.headers.push_back(k_manifest_accept);
  request.max_body = 4u << 20;  // distribution's limit
  HttpResponse response = send(request, m_pull_scope);
  if (response.status != 200) fail(response, "manifest " + tag_or_digest);
  return {response.body, content_type(response), response.header("docker-content-digest")};
}

void RegistryClient::get_blob(const std::string &digest, uint64_t offset,
                              const std::function<bool(const char *, size_t)> &sink, const std::function<void()> &restart) {
  const RegistryOptions &options = m_session.options();
  uint64_t position = offset;
  for (int failures = 0;;) {
    HttpRequest request;
    request.url = "/v2/" + m_repository + "/blobs/" + digest;
    if (position > 0) request.headers.push_back("Range: bytes=" + std::to_string(position) + "-");
    bool ranged = position > 0;
    request.on_sink_start = [&](long status) {
      // 200 to a Range request: the registry sends everything again.
      if (ranged && status == 200) {
        restart();
        position = 0;
      }
    };
    request.sink = [&](const char *data, size_t size) {
      position += size;
      return sink(data, size);
    };
    request.max_body = 1u << 20;
    HttpResponse response;
    try {
      response = send(request, m_pull_scope);
    } catch (const TransportError &e) {
      if (++failures >= options.attempts) {
        throw TransportError("blob " + digest + " from " + describe() + ": " + e.what() + " (after " +
                             std::to_string(failures) + " tries)");
      }
      back_off(options, failures, "");
      continue;
    }
    if (response.status == 200 || response.status == 206) return;
    if (response.status == 416 && position > 0) {  // asked past the end: start over
      restart();
      position = 0;
      continue;
    }
    fail(response, "blob " + digest);
  }
}

bool RegistryClient::has_blob(const std::string &digest, uint64_t size) {
  HttpRequest request;
  request.method = "HEAD";
  request.url = "/v2/" + m_repository + "/blobs/" + digest;
  HttpResponse response = send(request, m_push_scope);
  if (response.status == 404) return false;
  if (response.status != 200) fail(response, "blob " + digest);
  std::string length = response.header("content-length");
  return length.empty() || length == std::to_string(size);
}

std::string RegistryClient::start_upload(const std::string &digest, const std::string &mount_from) {
  Session::Ping ping = m_session.ping(m_endpoint);
  std::string uploads = "/v2/" + m_repository + "/blobs/uploads/";
  std::string location;
  if (!mount_from.empty()) {
    HttpRequest mount;
    mount.method = "POST";
    // `from` always goes with `mount` (Quay fails without it).
    mount.url = uploads + "?mount=" + util::percent_encode(digest) + "&from=" + util::percent_encode(mount_from);
    // The token must allow pulling from the source repository too (distribution answers 401 naming both).
    HttpResponse r = send(mount, m_push_scope + " repository:" + mount_from + ":pull");
    if (r.status == 201) {
      std::string stored = r.header("docker-content-digest");
      if (!stored.empty() && stored != digest) {
        throw Error(describe() + " mounted blob " + digest + " under another digest, " + stored);
      }
      return "";
    }
    // 202: the registry opened a plain session instead. Anything else (a registry that refuses
    // mounts, GGCR #1404): a plain upload follows.
    if (r.status == 202) location = r.header("location");
  }
  if (location.empty()) {
    HttpRequest start;
    start.method = "POST";
    start.url = uploads;
    HttpResponse session = send(start, m_push_scope);
    if (session.status != 202) fail(session, "an upload of " + digest);
    location = session.header("location");
  }
  if (location.empty()) throw Error(describe() + " opened an upload without a Location");
  // The Location is used as given (distribution signs its state), relative to the registry.
  return resolve_url(ping.scheme + "://" + m_endpoint.host + uploads, location);
}

std::string RegistryClient::upload_chunks(std::string url, int fd, const std::string &digest, uint64_t size) {
  const uint64_t chunk = m_session.options().chunk_size;
  for (uint64_t offset = 0; offset < size;) {
    uint64_t n = std::min(chunk, size - offset);
    std::string range = std::to_string(offset) + "-" + std::to_string(offset + n - 1);  // inclusive
    HttpRequest patch;
    patch.method = "PATCH";
    patch.url = url;
    patch.headers.push_back("Content-Type: application/octet-stream");
    patch.headers.push_back("Content-Range: " + range);
    patch.body_fd = fd;
    patch.body_offset = offset;
    patch.body_size = n;
    // Not retried blindly: a chunk the registry partly received, sent again, would corrupt the blob.
    HttpResponse r = exchange(patch, m_push_scope);
    if (r.status != 202) fail(r, "chunk " + range + " of " + digest);
    // The registry says how much it holds ("0-<last byte>"): anything else is a lost chunk.
    std::string held = r.header("range");
    if (!held.empty() && held != "0-" + std::to_string(offset + n - 1) && held != "bytes=0-" + std::to_string(offset + n - 1)) {
      throw Error(describe() + " holds bytes " + held + " of blob " + digest + " after chunk " + range + ": the upload lost data");
    }
    std::string next = r.header("location");
    if (next.empty()) throw Error(describe() + " answered a chunk of " + digest + " without a Location");
    url = resolve_url(url, next);  // each answer names the session's next URL
    offset += n;
  }
  return url;
}

bool RegistryClient::upload_blob(const std::string &digest, const std::string &path, uint64_t size, const std::string &mount_from) {
  std::string url = start_upload(digest, mount_from);
  if (url.empty()) return true;
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error("cannot read " + path + ": " + std::strerror(errno));
  HttpResponse done;
  try {
    HttpRequest put;
    put.method = "PUT";
    put.headers.push_back("Content-Type: application/octet-stream");
    uint64_t chunk = m_session.options().chunk_size;
    if (chunk > 0 && size > chunk) {
      url = upload_chunks(url, fd, digest, size);  // then an empty PUT closes the session
    } else {
      put.body_fd = fd;
      put.body_size = size;
    }
    put.url = url + (url.find('?') == std::string::npos ? "?" : "&") + "digest=" + util::percent_encode(digest);
    done = send(put, m_push_scope);
  } catch (...) {
    close(fd);
    throw;
  }
  close(fd);
  if (done.status != 201) fail(done, "the upload of " + digest);
  std::string stored = done.header("docker-content-digest");
  if (!stored.empty() && stored != digest) {
    throw Error(describe() + " stored blob " + digest + " under another digest, " + stored);
  }
  return false;
}

std::string RegistryClient::put_manifest(const std::string &tag_or_digest, const std::string &bytes, const std::string &media_type) {
  HttpRequest request;
  request.method = "PUT";
  request.url = "/v2/" + m_repository + "/manifests/" + tag_or_digest;
  request.headers.push_back("Content-Type: " + media_type);
  request.body = bytes;
  HttpResponse response = send(request, m_push_scope);
  if (response.status != 201) fail(response, "manifest " + tag_or_digest);
  return response.header("docker-content-digest");
}

}  // namespace msm::registry
