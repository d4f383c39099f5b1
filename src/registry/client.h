#pragma once
// The distribution API for one repository on one endpoint: ping, the 401 challenge and tokens
// (anonymous, basic, bearer, identity tokens; cached per scope in a Session shared by every
// client), manifests, blobs streamed with Range resume, retries with backoff on 429/5xx and
// dropped connections, redirects followed without Authorization to other hosts. Knows nothing
// about the store: callers give sinks and check digests.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/auth.h"
#include "registry/http.h"

namespace msm::registry {

inline constexpr const char *k_media_docker_manifest = "application/vnd.docker.distribution.manifest.v2+json";
inline constexpr const char *k_media_docker_list = "application/vnd.docker.distribution.manifest.list.v2+json";
inline constexpr const char *k_media_oci_manifest = "application/vnd.oci.image.manifest.v1+json";
inline constexpr const char *k_media_oci_index = "application/vnd.oci.image.index.v1+json";
inline constexpr const char *k_media_docker_schema1 = "application/vnd.docker.distribution.manifest.v1+json";
inline constexpr const char *k_media_docker_schema1_signed = "application/vnd.docker.distribution.manifest.v1+prettyjws";
// Schema 1 is left out on purpose: a registry that has only that answers 404, not a conversion.
inline constexpr const char *k_manifest_accept =
    "Accept: application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, "
    "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";

struct RegistryOptions {
  std::vector<std::string> mirrors;   // for docker.io: "host[:port]" or "https://host[:port]", tried in order
  std::vector<std::string> insecure;  // host[:port] allowed over plain HTTP and unverified TLS
  CredentialOptions credentials;
  std::string cert_dir;               // certs.d-style directory (ca.crt, client.cert/.key) for every host
  int attempts = 5;                   // tries per request on 429, 5xx and dropped connections
  // Blobs larger than this go up in PATCH chunks of this size (0: always one PUT). Chunks keep a
  // failure from costing the whole blob, and suit registries behind proxies that cap a request's
  // body; one PUT is fastest on a direct connection.
  uint64_t chunk_size = k_default_chunk_size;
  static constexpr uint64_t k_default_chunk_size = 64ull << 20;
  std::chrono::milliseconds first_backoff{500};

  // MSMIGRATE_REGISTRY_MIRRORS and MSMIGRATE_INSECURE_REGISTRIES (comma-separated) for each list
  // still empty: a flag beats the environment, which beats the configuration file.
  // MSMIGRATE_PUSH_CHUNK_SIZE (bytes) sets chunk_size.
  void add_environment();
};

// Where a reference's domain is served from.
struct Endpoint {
  std::string host;    // "registry-1.docker.io", "127.0.0.1:5443"
  std::string domain;  // whose credentials apply: the reference's domain, or the mirror's host
  bool mirror = false;
  bool explicit_http = false;  // a mirror written http://…
};

// Mirrors (docker.io only, as Docker does), then the registry itself.
std::vector<Endpoint> endpoints_for(std::string_view domain, const RegistryOptions &options);

// A registry's answer that is not what was asked for, with the registry's own error code.
class RegistryError : public Error {
 public:
  RegistryError(const std::string &message, long status, std::string code)
      : Error(message), m_status(status), m_code(std::move(code)) {}
  long status() const { return m_status; }
  const std::string &code() const { return m_code; }

 private:
  long m_status;
  std::string m_code;
};

// Per-process state shared by clients and threads: pings, credentials and tokens.
class Session {
 public:
  explicit Session(RegistryOptions options);
  const RegistryOptions &options() const { return m_options; }

  struct Ping {
    std::string scheme;  // "https" or "http"
    std::vector<Challenge> challenges;
  };
  Ping ping(const Endpoint &endpoint);
  std::optional<Credential> credential(const std::string &domain);
  // Uses `credential` for `domain` instead of what the files say (login checks it first).
  void set_credential(const std::string &domain, Credential credential);
  // GET /v2/ with credentials: throws RegistryError when the registry refuses them.
  void check_login(const Endpoint &endpoint);
  // An Authorization header value for `scope` at the endpoint, or "" when none is needed.
  std::string authorization(const Endpoint &endpoint, const std::string &scope, bool refresh);
  // The challenge of a 401 replaces the pinged one (a scope or realm the ping did not show).
  void remember_challenge(const Endpoint &endpoint, std::vector<Challenge> challenges);
  TlsOptions tls_for(const std::string &host);
  bool is_insecure(const std::string &host) const;

 private:
  struct Token {
    std::string value;
    std::chrono::steady_clock::time_point expires;
  };
  std::string fetch_token(const Endpoint &endpoint, const Challenge &challenge, const std::string &scope);

  RegistryOptions m_options;
  std::mutex m_mutex;
  std::map<std::string, Ping> m_pings;                                 // by host
  std::map<std::string, std::optional<Credential>> m_credentials;      // by domain
  std::map<std::string, Token> m_tokens;                               // host realm service scope
  std::map<std::string, TlsOptions> m_tls;                             // by host
};

struct Manifest {
  std::string bytes;       // exactly as served (its sha256 is its digest)
  std::string media_type;  // Content-Type without parameters
  std::string digest;      // Docker-Content-Digest, or ""
};

class RegistryClient {
 public:
  RegistryClient(Session &session, Endpoint endpoint, std::string repository);

  const Endpoint &endpoint() const { return m_endpoint; }
  // "https://127.0.0.1:5443/v2/msm/hello" without credentials, for messages.
  std::string describe() const;

  // HEAD: the digest and type a tag points at, or nullopt when the registry does not say.
  std::optional<Manifest> head_manifest(const std::string &tag_or_digest);
  Manifest get_manifest(const std::string &tag_or_digest);
  // Streams blob bytes from `offset` into `sink`. When the registry ignores Range, `restart` is
  // called and the bytes come again from 0. A connection that drops is resumed with Range.
  void get_blob(const std::string &digest, uint64_t offset, const std::function<bool(const char *, size_t)> &sink,
                const std::function<void()> &restart);

  // Push (these ask for pull,push access). Whether the repository holds the blob already.
  bool has_blob(const std::string &digest, uint64_t size);
  // Puts `size` bytes of the file at `path` into the repository. With `mount_from` (another
  // repository of this registry said to hold the blob) a cross-repository mount is asked first:
  // true when the registry mounted it (201), so no byte was sent. Otherwise, or when the
  // registry opens a session instead (202) or refuses the mount, the bytes are uploaded: one PUT,
  // or PATCH chunks of RegistryOptions::chunk_size then an empty PUT when the blob is larger.
  bool upload_blob(const std::string &digest, const std::string &path, uint64_t size, const std::string &mount_from = "");
  // PUTs manifest bytes under a tag or digest with their media type; returns the registry's digest.
  std::string put_manifest(const std::string &tag_or_digest, const std::string &bytes, const std::string &media_type);

 private:
  HttpResponse send(HttpRequest request, const std::string &scope);
  HttpResponse exchange(HttpRequest request, const std::string &scope);
  // POST for an upload session (a mount when `mount_from` is given): the session URL, or "" when
  // the registry mounted the blob.
  std::string start_upload(const std::string &digest, const std::string &mount_from);
  // Sends the file's bytes as PATCH chunks to the session; returns the URL to finish with PUT.
  std::string upload_chunks(std::string url, int fd, const std::string &digest, uint64_t size);
  [[noreturn]] void fail(const HttpResponse &response, const std::string &what);

  Session &m_session;
  Endpoint m_endpoint;
  std::string m_repository;
  std::string m_pull_scope;
  std::string m_push_scope;
};

bool is_loopback_host(std::string_view host);

}  // namespace msm::registry
