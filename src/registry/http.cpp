#include "registry/http.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

#include "msm_version.h"

namespace msm::registry {

namespace {

// The libcurl functions we call, resolved from libcurl.so.4 on first use.
struct Curl {
  decltype(&curl_global_init) global_init;
  decltype(&curl_easy_init) easy_init;
  decltype(&curl_easy_setopt) easy_setopt;
  decltype(&curl_easy_perform) easy_perform;
  decltype(&curl_easy_getinfo) easy_getinfo;
  decltype(&curl_easy_reset) easy_reset;
  decltype(&curl_easy_cleanup) easy_cleanup;
  decltype(&curl_easy_strerror) easy_strerror;
  decltype(&curl_slist_append) slist_append;
  decltype(&curl_slist_free_all) slist_free_all;
};

template <typename F>
void bind(void *lib, const char *name, F &slot) {
  void *symbol = dlsym(lib, name);
  if (!symbol) throw Error(std::string("libcurl.so.4 has no ") + name + ": install Debian's libcurl4");
  slot = reinterpret_cast<F>(symbol);
}

const Curl &curl() {
  static Curl api;
  static std::once_flag once;
  std::call_once(once, [] {
    void *lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) throw Error(std::string("cannot load libcurl (needed to talk to registries): ") + dlerror() +
                          " (install Debian's libcurl4)");
    bind(lib, "curl_global_init", api.global_init);
    bind(lib, "curl_easy_init", api.easy_init);
    bind(lib, "curl_easy_setopt", api.easy_setopt);
    bind(lib, "curl_easy_perform", api.easy_perform);
    bind(lib, "curl_easy_getinfo", api.easy_getinfo);
    bind(lib, "curl_easy_reset", api.easy_reset);
    bind(lib, "curl_easy_cleanup", api.easy_cleanup);
    bind(lib, "curl_easy_strerror", api.easy_strerror);
    bind(lib, "curl_slist_append", api.slist_append);
    bind(lib, "curl_slist_free_all", api.slist_free_all);
    api.global_init(CURL_GLOBAL_DEFAULT);
  });
  return api;
}

// The system CA bundle: CURLOPT_CAINFO_BLOB replaces it, so extra CAs are sent together with it.
const std::string &system_ca_bundle() {
  static std::string bundle;
  static std::once_flag once;
  std::call_once(once, [] {
    for (const char *path : {"/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"}) {
      std::ifstream in(path, std::ios::binary);
      if (!in) continue;
      std::ostringstream ss;
      ss << in.rdbuf();
      bundle = ss.str();
      return;
    }
  });
  return bundle;
}

struct Transfer {
  const HttpRequest *request;
  HttpResponse *response;
  CURL *handle;
  bool too_large = false;
  bool sink_refused = false;
  bool sink_started = false;
  uint64_t read_pos = 0;
  int read_errno = 0;
};

size_t on_header(char *data, size_t size, size_t count, void *user) {
  auto *t = static_cast<Transfer *>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {  // a new response (after 100 Continue): start over
    t->response->headers.clear();
    t->response->www_authenticate.clear();
    return size * count;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) value.remove_suffix(1);
  if (name == "www-authenticate") t->response->www_authenticate.emplace_back(value);
  t->response->headers[name] = std::string(value);
  return size * count;
}

size_t on_body(char *data, size_t size, size_t count, void *user) {
  auto *t = static_cast<Transfer *>(user);
  size_t n = size * count;
  long status = 0;
  curl().easy_getinfo(t->handle, CURLINFO_RESPONSE_CODE, &status);
  if (t->request->sink && status >= 200 && status < 300) {
    if (!t->sink_started) {
      t->sink_started = true;
      if (t->request->on_sink_start) t->request->on_sink_start(status);
    }
    if (!t->request->sink(data, n)) {
      t->sink_refused = true;
      return 0;
    }
    t->response->streamed += n;
    return n;
  }
  if (t->response->body.size() + n > t->request->max_body) {
    t->too_large = true;
    return 0;
  }
  t->response->body.append(data, n);
  return n;
}

size_t on_read(char *buffer, size_t size, size_t count, void *user) {
  auto *t = static_cast<Transfer *>(user);
  const HttpRequest &r = *t->request;
  uint64_t left = r.body_size - t->read_pos;
  size_t want = static_cast<size_t>(std::min<uint64_t>(left, size * count));
  if (want == 0) return 0;
  ssize_t got;
  do {
    got = pread(r.body_fd, buffer, want, static_cast<off_t>(r.body_offset + t->read_pos));
  } while (got < 0 && errno == EINTR);
  if (got < 0) {
    t->read_errno = errno;
    return CURL_READFUNC_ABORT;
  }
  t->read_pos += static_cast<uint64_t>(got);
  return static_cast<size_t>(got);
}

int on_seek(void *user, curl_off_t offset, int origin) {
  auto *t = static_cast<Transfer *>(user);
  if (origin != SEEK_SET || offset < 0) return CURL_SEEKFUNC_CANTSEEK;
  t->read_pos = static_cast<uint64_t>(offset);
  return CURL_SEEKFUNC_OK;
}

}  // namespace

HttpClient::HttpClient() : m_handle(curl().easy_init()) {
  if (!m_handle) throw Error("libcurl could not start a transfer");
}

HttpClient::~HttpClient() { curl().easy_cleanup(static_cast<CURL *>(m_handle)); }

HttpResponse HttpClient::perform(const HttpRequest &request) {
  const Curl &c = curl();
  CURL *h = static_cast<CURL *>(m_handle);
  c.easy_reset(h);  // keeps the connection cache
  HttpResponse response;
  Transfer t{&request, &response, h};
  static const std::string user_agent = std::string("msmigrate/") + k_version;
  c.easy_setopt(h, CURLOPT_URL, request.url.c_str());
  c.easy_setopt(h, CURLOPT_USERAGENT, user_agent.c_str());
  c.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  c.easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  c.easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 30L);
  // No total timeout on blobs; a transfer slower than 1 kB/s for 60 s is a dead one.
  c.easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1024L);
  c.easy_setopt(h, CURLOPT_LOW_SPEED_TIME, 60L);
  c.easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  // HTTP/1.1 and one connection per worker thread: BuildKit turns h2 off for registries too
  // (one h2 connection's flow control serialised the parallel layer fetches).
  c.easy_setopt(h, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
  // Fewer, larger writes into the blob file and the hash.
  c.easy_setopt(h, CURLOPT_BUFFERSIZE, 512L * 1024);
  c.easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  c.easy_setopt(h, CURLOPT_HEADERDATA, &t);
  c.easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  c.easy_setopt(h, CURLOPT_WRITEDATA, &t);
  if (!request.tls.verify) {
    c.easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
    c.easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  std::string ca_blob;
  if (!request.tls.ca_pem.empty()) {
    ca_blob = system_ca_bundle() + "\n" + request.tls.ca_pem;
    curl_blob blob{ca_blob.data(), ca_blob.size(), CURL_BLOB_NOCOPY};
    c.easy_setopt(h, CURLOPT_CAINFO_BLOB, &blob);  // NOCOPY: libcurl points into ca_blob, alive until the end
  }
  if (!request.tls.client_cert.empty()) {
    c.easy_setopt(h, CURLOPT_SSLCERT, request.tls.client_cert.c_str());
    c.easy_setopt(h, CURLOPT_SSLKEY, request.tls.client_key.c_str());
  }
  if (request.method == "HEAD") {
    c.easy_setopt(h, CURLOPT_NOBODY, 1L);
  } else if (request.body_fd >= 0) {
    c.easy_setopt(h, CURLOPT_UPLOAD, 1L);
    c.easy_setopt(h, CURLOPT_READFUNCTION, on_read);
    c.easy_setopt(h, CURLOPT_READDATA, &t);
    c.easy_setopt(h, CURLOPT_SEEKFUNCTION, on_seek);
    c.easy_setopt(h, CURLOPT_SEEKDATA, &t);
    c.easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(request.body_size));
    c.easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  } else if (!request.body.empty() || request.method == "POST" || request.method == "PUT" || request.method == "PATCH") {
    c.easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    c.easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    c.easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  } else if (request.method != "GET") {
    c.easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  curl_slist *headers = nullptr;
  for (const auto &line : request.headers) headers = c.slist_append(headers, line.c_str());
  // libcurl would add "Expect: 100-continue" to uploads: one round trip more per blob.
  headers = c.slist_append(headers, "Expect:");
  c.easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  CURLcode rc = c.easy_perform(h);
  c.slist_free_all(headers);
  c.easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
  if (t.sink_refused) throw Error("transfer from " + url_for_messages(request.url) + " stopped");
  if (t.too_large) {
    throw Error("the answer from " + url_for_messages(request.url) + " is larger than " +
                std::to_string(request.max_body >> 20) + " MiB");
  }
  if (t.read_errno) throw Error("cannot read the upload body: " + std::string(std::strerror(t.read_errno)));
  if (rc != CURLE_OK) throw TransportError(url_for_messages(request.url) + ": " + c.easy_strerror(rc));
  return response;
}

std::string url_for_messages(const std::string &url) { return url.substr(0, url.find('?')); }

std::string url_origin(const std::string &url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "";
  size_t host_end = url.find_first_of("/?#", scheme_end + 3);
  std::string origin = url.substr(0, host_end);
  std::transform(origin.begin(), origin.end(), origin.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  // The default port is the same origin written without it.
  if (origin.starts_with("https://") && origin.ends_with(":443")) origin.resize(origin.size() - 4);
  if (origin.starts_with("http://") && origin.ends_with(":80")) origin.resize(origin.size() - 3);
  return origin;
}

std::string resolve_url(const std::string &base, const std::string &location) {
  if (location.find("://") != std::string::npos) return location;
  if (location.starts_with("//")) return base.substr(0, base.find("://") + 1) + location;
  std::string origin = base.substr(0, base.find_first_of("/?#", base.find("://") + 3));
  if (location.starts_with("/")) return origin + location;
  std::string path = url_for_messages(base);
  return path.substr(0, path.rfind('/') + 1) + location;
}

}  // namespace msm::registry
