#include "lint/shellcheck/runner.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>

#include <nlohmann/json.hpp>

#include "util/process.h"

namespace msm::lint::shellcheck {

namespace {

using Json = nlohmann::json;

// Bumped when what a cache entry holds changes shape.
constexpr std::string_view k_cache_format = "msmigrate-shellcheck-1";

// SHA-256 (FIPS 180-4), here rather than OpenSSL's: a warm on-save lint hashes a few scripts and
// starts no process, and OpenSSL's first digest loads its configuration and providers, which
// costs more than the whole warm path.
class Sha256 {
 public:
  void update(std::string_view data) {
    for (char c : data) {
      m_block[m_used++] = static_cast<uint8_t>(c);
      if (m_used == 64) {
        compress();
        m_used = 0;
      }
    }
    m_bits += static_cast<uint64_t>(data.size()) * 8;
  }
  std::string hex() {
    uint64_t bits = m_bits;
    uint8_t pad = 0x80;
    update(std::string_view(reinterpret_cast<const char *>(&pad), 1));
    while (m_used != 56) {
      uint8_t zero = 0;
      update(std::string_view(reinterpret_cast<const char *>(&zero), 1));
    }
    for (int i = 7; i >= 0; --i) {
      uint8_t b = static_cast<uint8_t>(bits >> (i * 8));
      update(std::string_view(reinterpret_cast<const char *>(&b), 1));
    }
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    for (uint32_t h : m_state) {
      for (int i = 7; i >= 0; --i) out += k_hex[(h >> (i * 4)) & 15];
    }
    return out;
  }

 private:
  static uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
  void compress() {
    static constexpr uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
      w[i] = (uint32_t{m_block[i * 4]} << 24) | (uint32_t{m_block[i * 4 + 1]} << 16) | (uint32_t{m_block[i * 4 + 2]} << 8) |
             uint32_t{m_block[i * 4 + 3]};
    }
    for (int i = 16; i < 64; ++i) {
      uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = m_state[0], b = m_state[1], c = m_state[2], d = m_state[3];
    uint32_t e = m_state[4], f = m_state[5], g = m_state[6], h = m_state[7];
    for (int i = 0; i < 64; ++i) {
      uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    m_state[0] += a;
    m_state[1] += b;
    m_state[2] += c;
    m_state[3] += d;
    m_state[4] += e;
    m_state[5] += f;
    m_state[6] += g;
    m_state[7] += h;
  }

  uint32_t m_state[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  uint8_t m_block[64] = {};
  size_t m_used = 0;
  uint64_t m_bits = 0;
};

std::optional<Severity> level_of(const std::string &level) {
  if (level == "error") return Severity::Error;
  if (level == "warning") return Severity::Warning;
  if (level == "info") return Severity::Info;
  if (level == "style") return Severity::Style;
  return std::nullopt;
}

uint32_t number(const Json &j, const char *key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer() || it->get<int64_t>() < 0) return 1;
  return static_cast<uint32_t>(it->get<int64_t>());
}

// One json1 comment (without its "file") -> a finding; nullopt when it is not one.
std::optional<Finding> finding_of(const Json &c) {
  if (!c.is_object() || !c.contains("code") || !c["code"].is_number_integer()) return std::nullopt;
  Finding f;
  f.code = c["code"].get<int>();
  auto level = level_of(c.value("level", std::string()));
  if (!level) return std::nullopt;
  f.level = *level;
  f.message = c.value("message", std::string());
  f.start = {number(c, "line"), number(c, "column")};
  f.end = {number(c, "endLine"), number(c, "endColumn")};
  auto fix = c.find("fix");
  if (fix != c.end() && fix->is_object() && fix->contains("replacements")) {
    for (const auto &r : (*fix)["replacements"]) {
      f.fix.push_back({{number(r, "line"), number(r, "column")},
                       {number(r, "endLine"), number(r, "endColumn")},
                       r.value("replacement", std::string())});
    }
  }
  return f;
}

std::vector<Finding> findings_of(const Json &comments) {
  std::vector<Finding> out;
  for (const auto &c : comments) {
    if (auto f = finding_of(c)) out.push_back(std::move(*f));
  }
  return out;
}

std::optional<std::string> read_small_file(const std::string &path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string out;
  char buf[16384];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      out.append(buf, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    break;
  }
  ::close(fd);
  return out;
}

// A cache entry is rebuilt when lost, so it is written without fsync: temp file + rename, so a
// reader sees the whole entry or none.
bool write_entry(const std::filesystem::path &path, const std::string &content) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  static std::atomic<uint64_t> counter{0};
  std::string tmp = path.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  bool ok = ::close(fd) == 0 && written == content.size() && ::rename(tmp.c_str(), path.c_str()) == 0;
  if (!ok) ::unlink(tmp.c_str());
  return ok;
}

std::optional<std::filesystem::path> find_on_path(const std::string &name) {
  const char *path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t colon = dirs.find(':', start);
    std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    if (!dir.empty()) {
      std::string candidate = dir + "/" + name;
      if (::access(candidate.c_str(), X_OK) == 0) return std::filesystem::path(candidate);
    }
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return std::nullopt;
}

std::optional<std::filesystem::path> default_cache_dir() {
  if (const char *dir = std::getenv("MSMIGRATE_SHELLCHECK_CACHE"); dir && *dir) return std::filesystem::path(dir);
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::filesystem::path(xdg) / "msmigrate" / "shellcheck";
  }
  if (const char *home = std::getenv("HOME"); home && *home) {
    return std::filesystem::path(home) / ".cache" / "msmigrate" / "shellcheck";
  }
  return std::nullopt;
}

// A private directory for the scripts of one batch, removed afterwards.
class TempDir {
 public:
  TempDir() {
    const char *base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/msmigrate-shellcheck-XXXXXX";
    if (::mkdtemp(tmpl.data())) m_path = tmpl;
  }
  ~TempDir() {
    if (m_path.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  const std::string &path() const { return m_path; }

 private:
  std::string m_path;
};

}  // namespace

const std::vector<std::string> &options() {
  static const std::vector<std::string> k_options = {"--norc", "--format=json1", "--severity=style",
                                                     "--exclude=SC1090,SC1091,SC2187"};
  return k_options;
}

std::vector<std::pair<std::string, std::vector<Finding>>> parse_json1(const std::string &json) {
  std::vector<std::pair<std::string, std::vector<Finding>>> out;
  Json j = Json::parse(json, nullptr, false);
  if (!j.is_object() || !j.contains("comments") || !j["comments"].is_array()) return out;
  std::map<std::string, size_t> index;
  for (const auto &c : j["comments"]) {
    auto f = finding_of(c);
    if (!f) continue;
    std::string file = c.value("file", std::string());
    auto [it, added] = index.emplace(file, out.size());
    if (added) out.emplace_back(file, std::vector<Finding>{});
    out[it->second].second.push_back(std::move(*f));
  }
  return out;
}

Runner::Runner(std::optional<std::filesystem::path> binary, std::optional<std::filesystem::path> cache_dir)
    : m_binary(std::move(binary)), m_cache_dir(std::move(cache_dir)) {
  if (!m_binary) return;
  std::error_code ec;
  std::filesystem::path real = std::filesystem::canonical(*m_binary, ec);
  struct stat st {};
  if (ec || ::stat(real.c_str(), &st) != 0 || !(st.st_mode & S_IXUSR)) {
    m_binary.reset();
    return;
  }
  m_identity = real.string() + "\n" + std::to_string(st.st_size) + "\n" + std::to_string(st.st_mtim.tv_sec) + "." +
               std::to_string(st.st_mtim.tv_nsec) + "\n" + std::to_string(st.st_ino);
}

Runner &Runner::instance() {
  // Never destroyed: lint threads may still use it while the process exits.
  static Runner *runner = [] {
    const char *chosen = std::getenv("MSMIGRATE_SHELLCHECK");
    std::string name = chosen && *chosen ? chosen : "shellcheck";
    if (name == "off") {
      auto *r = new Runner(std::nullopt, std::nullopt);
      r->m_disabled = true;
      return r;
    }
    std::optional<std::filesystem::path> binary;
    if (name.find('/') != std::string::npos) {
      if (::access(name.c_str(), X_OK) == 0) binary = name;
    } else {
      binary = find_on_path(name);
    }
    return new Runner(binary, default_cache_dir());
  }();
  return *runner;
}

std::string Runner::last_error() const {
  std::lock_guard lock(m_error_mutex);
  return m_last_error;
}

std::string sha256_hex(std::string_view data) {
  Sha256 h;
  h.update(data);
  return h.hex();
}

std::string Runner::key(const std::string &input) const {
  Sha256 h;
  h.update(k_cache_format);
  h.update(std::string_view("\0", 1));
  h.update(m_identity);
  for (const auto &o : options()) {
    h.update(std::string_view("\0", 1));
    h.update(o);
  }
  h.update(std::string_view("\0", 1));
  h.update(input);
  return h.hex();
}

std::optional<std::vector<Finding>> Runner::load(const std::string &key) {
  if (!m_cache_dir) return std::nullopt;
  auto text = read_small_file((*m_cache_dir / key.substr(0, 2) / key.substr(2)).string());
  if (!text) return std::nullopt;
  Json j = Json::parse(*text, nullptr, false);
  if (!j.is_array()) return std::nullopt;
  ++m_hits;
  return findings_of(j);
}

void Runner::store(const std::string &key, const std::string &findings_json) {
  if (!m_cache_dir) return;
  write_entry(*m_cache_dir / key.substr(0, 2) / key.substr(2), findings_json);
}

std::vector<std::optional<std::vector<Finding>>> Runner::check(const std::vector<std::string> &inputs, Mode mode) {
  std::vector<std::optional<std::vector<Finding>>> out(inputs.size());
  if (inputs.empty()) return out;
  if (!m_binary) {
    if (!m_disabled) m_wanted = true;
    return out;
  }
  std::vector<std::string> keys(inputs.size());
  std::vector<size_t> misses;
  for (size_t i = 0; i < inputs.size(); ++i) {
    keys[i] = key(inputs[i]);
    out[i] = load(keys[i]);
    if (!out[i]) misses.push_back(i);
  }
  if (misses.empty() || mode == Mode::CachedOnly) return out;

  TempDir dir;
  auto fail = [&](std::string why) {
    std::lock_guard lock(m_error_mutex);
    m_last_error = std::move(why);
  };
  if (dir.path().empty()) {
    fail(std::string("cannot create a temporary directory: ") + std::strerror(errno));
    return out;
  }
  std::vector<std::string> argv{m_binary->string()};
  argv.insert(argv.end(), options().begin(), options().end());
  argv.emplace_back("--");
  std::map<std::string, size_t> by_file;
  for (size_t n = 0; n < misses.size(); ++n) {
    std::string file = dir.path() + "/" + std::to_string(n);
    if (!write_entry(file, inputs[misses[n]])) {
      fail(file + ": cannot write the script for ShellCheck");
      return out;
    }
    by_file[file] = misses[n];
    argv.push_back(file);
  }
  std::string report = dir.path() + "/report.json";
  ++m_processes;
  util::ProcessResult result = util::run_process(argv, report);
  // 0: no findings, 1: findings; anything else (a file it could not read, bad options, no
  // program) leaves those scripts unchecked and uncached.
  if (result.status != 0 && result.status != 1) {
    fail("shellcheck exited with status " + std::to_string(result.status) +
         (result.output.empty() ? std::string() : ": " + result.output.substr(0, 300)));
    return out;
  }
  auto text = read_small_file(report);
  Json j = text ? Json::parse(*text, nullptr, false) : Json();
  if (!j.is_object() || !j.contains("comments") || !j["comments"].is_array()) {
    fail("shellcheck printed no json1 report");
    return out;
  }
  std::map<size_t, Json> per_input;
  for (size_t i : misses) per_input[i] = Json::array();
  for (auto &c : j["comments"]) {
    if (!c.is_object()) continue;
    auto it = by_file.find(c.value("file", std::string()));
    if (it == by_file.end()) continue;
    c.erase("file");
    per_input[it->second].push_back(std::move(c));
  }
  for (auto &[i, comments] : per_input) {
    store(keys[i], comments.dump());
    out[i] = findings_of(comments);
  }
  return out;
}

}  // namespace msm::lint::shellcheck
