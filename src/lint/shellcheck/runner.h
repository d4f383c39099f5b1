#pragma once
// Running ShellCheck (the `shellcheck` program, 0.9.0 in Debian 12) on many scripts at once, with
// a persistent content-addressed cache of its findings, so a re-lint only starts ShellCheck for
// scripts it has never seen.
//
// One process checks every script of a batch (its files given together), never one per script.
// The cache key is a hash of: the binary's identity (path, size, modification time, inode: a new
// ShellCheck version is a new binary, and no process is started to ask its version), the options
// (fixed, below), and the exact text ShellCheck reads, which carries the dialect (the shebang)
// and the declared ARG/ENV names (the `export` lines) with the script bytes.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/registry.h"

namespace msm::lint::shellcheck {

// A position in the text ShellCheck read: lines and columns 1-based, columns in code points
// (json1 counts a tab as one column).
struct TextPosition {
  uint32_t line = 1;
  uint32_t column = 1;
};

struct Replacement {
  TextPosition start;
  TextPosition end;  // exclusive
  std::string text;
};

struct Finding {
  int code = 0;  // 2086
  Severity level = Severity::Warning;
  std::string message;
  TextPosition start;
  TextPosition end;  // exclusive
  std::vector<Replacement> fix;  // empty: no fix
};

enum class Mode {
  Run,         // check what the cache does not know
  CachedOnly,  // never start ShellCheck (the language server's keystroke path)
};

// ShellCheck's options, the same on every run (they are part of the cache key): no rc file (a
// user's .shellcheckrc must not change what the cache holds), json1 (real columns, fixes), and
// hadolint's exclusions: SC2187 (ash is checked as dash; saying so is noise), SC1090 and SC1091
// (`source` of a file ShellCheck cannot see; the directive that would name it cannot be written
// in a Dockerfile's RUN).
const std::vector<std::string> &options();

class Runner {
 public:
  // `binary`: the program (none: ShellCheck is unavailable); `cache_dir`: where findings are kept
  // (none: no persistent cache).
  Runner(std::optional<std::filesystem::path> binary, std::optional<std::filesystem::path> cache_dir);

  // The process-wide runner: `MSMIGRATE_SHELLCHECK` names the program (`off` disables it), else
  // `shellcheck` on PATH; the cache is `$XDG_CACHE_HOME/msmigrate/shellcheck` (or
  // `~/.cache/msmigrate/shellcheck`), or `MSMIGRATE_SHELLCHECK_CACHE` when set.
  static Runner &instance();

  bool available() const { return m_binary.has_value(); }
  bool disabled() const { return m_disabled; }
  const std::optional<std::filesystem::path> &binary() const { return m_binary; }

  // Findings for each input text (what ShellCheck reads); nullopt where the text was not checked
  // (ShellCheck unavailable or failed, or CachedOnly and not in the cache).
  std::vector<std::optional<std::vector<Finding>>> check(const std::vector<std::string> &inputs, Mode mode);

  // Whether a lint wanted ShellCheck while it is not installed (the CLI says so once).
  bool wanted_but_missing() const { return m_wanted; }

  // Counters, for benchmarks and tests.
  uint64_t processes_started() const { return m_processes; }
  uint64_t cache_hits() const { return m_hits; }
  // The last failure of ShellCheck itself (it could not run, or rejected its input), if any.
  std::string last_error() const;

 private:
  std::string key(const std::string &input) const;
  std::optional<std::vector<Finding>> load(const std::string &key);
  void store(const std::string &key, const std::string &findings_json);

  std::optional<std::filesystem::path> m_binary;
  std::optional<std::filesystem::path> m_cache_dir;
  bool m_disabled = false;
  std::string m_identity;  // the binary's identity, part of every key
  std::atomic<uint64_t> m_processes{0};
  std::atomic<uint64_t> m_hits{0};
  std::atomic<bool> m_wanted{false};
  mutable std::mutex m_error_mutex;
  std::string m_last_error;
};

// SHA-256 of `data`, lower-case hex (the cache's key function, exposed for its test).
std::string sha256_hex(std::string_view data);

// Reads ShellCheck's json1 output: file name -> findings.
std::vector<std::pair<std::string, std::vector<Finding>>> parse_json1(const std::string &json);

}  // namespace msm::lint::shellcheck
