#pragma once
// One HTTP exchange over libcurl, and nothing registry-specific: no redirects followed (the
// registry client decides where Authorization may go), no transparent decoding (digests are of
// the bytes as sent). libcurl is loaded on first use (dlopen), so commands that never touch a
// registry (lint on every save) do not map it and its twenty dependencies at start-up.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "util/error.h"

namespace msm::registry {

// A connection that failed or dropped (DNS, refused, reset, TLS, timeout): worth a retry.
class TransportError : public Error {
 public:
  using Error::Error;
};

struct TlsOptions {
  std::string ca_pem;        // extra CAs (PEM) trusted beside the system bundle
  std::string client_cert;   // PEM file paths of a client pair, or ""
  std::string client_key;
  bool verify = true;        // false only for registries named insecure
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;                  // sent when non-empty, or for POST/PUT
  // A file's byte range as the body instead (uploads): read with pread, rewindable.
  int body_fd = -1;
  uint64_t body_offset = 0;
  uint64_t body_size = 0;
  // Receives the body of a 2xx answer as it arrives (other answers are collected in
  // HttpResponse::body for their error message); returning false aborts the transfer.
  std::function<bool(const char *data, size_t size)> sink;
  // Called once with the status before the first byte goes to the sink.
  std::function<void(long status)> on_sink_start;
  size_t max_body = 8u << 20;        // collected bodies larger than this are an error
  TlsOptions tls;
};

struct HttpResponse {
  long status = 0;
  std::map<std::string, std::string> headers;     // lower-case names; the last value wins
  std::vector<std::string> www_authenticate;      // every WWW-Authenticate value
  std::string body;                               // unless streamed to the sink
  uint64_t streamed = 0;                          // bytes given to the sink

  std::string header(const std::string &lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
  }
};

// One per thread: the handle keeps connections, TLS sessions and DNS answers between requests.
class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient &) = delete;
  HttpClient &operator=(const HttpClient &) = delete;

  // Throws TransportError when no HTTP answer came, msm::Error when libcurl cannot be loaded.
  HttpResponse perform(const HttpRequest &request);

 private:
  void *m_handle;
};

// "https://host/v2/x?y" → "https://host/v2/x": URLs in messages never carry a query (presigned
// URLs and upload states are secrets).
std::string url_for_messages(const std::string &url);
// Resolves a Location header against the request URL.
std::string resolve_url(const std::string &base, const std::string &location);
// scheme://host[:port] of a URL, lower-cased: who may receive Authorization.
std::string url_origin(const std::string &url);

}  // namespace msm::registry
