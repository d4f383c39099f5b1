#pragma once
// Linter configuration: `.msmigrate.yaml` (found upward from each file, or --config), or a
// `.hadolint.yaml` with hadolint's keys when no `.msmigrate.yaml` exists.

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lint/registry.h"

namespace msm::lint {

// The options of the rules that take any (`rules: {CODE: {key: value}}` in the configuration),
// typed, read and checked once when the configuration loads: an unknown key or a value of the
// wrong type is an error naming the file, the rule and the key. A rule with options adds its
// struct here and its reader in config.cpp (read_rule_options).
struct SdkFinalStageOptions {  // MSM3004
  std::vector<std::string> images;  // more repositories that are SDK images (`my/sdk`)
};

struct RuleOptions {
  SdkFinalStageOptions sdk_final_stage;
};

struct Config {
  std::string source;                       // the file it came from ("" for defaults)
  std::set<std::string> ignored;            // canonical codes
  std::map<std::string, Severity> overrides;  // code -> severity
  // Findings at or above this fail the run; nullopt ("none") never fails. Unset: the CLI default.
  std::optional<std::optional<Severity>> failure_threshold;
  std::optional<bool> no_fail;
  std::vector<std::string> trusted_registries;
  std::map<std::string, std::string> required_labels;  // label -> type (hadolint's label-schema)
  bool strict_labels = false;
  RuleOptions rule_options;
  // The `format:` mapping, as written (null when absent); `msmigrate fmt` and the language
  // server validate it (formatter::options_from_config). hadolint's string `format:` is not this.
  nlohmann::json format_section;
  std::set<std::string> enabled_opt_in;     // opt-in rules turned on (canonical codes)
  // Registry settings for pulls and pushes (Docker's daemon.json names): the command line's
  // --registry-mirror / --insecure-registry and the environment take precedence.
  std::vector<std::string> registry_mirrors;
  std::vector<std::string> insecure_registries;

  // Whether a rule runs: opt-in rules only when `enable:` lists them or an `override:` gives
  // them a severity (hadolint's way: its off-by-default rules have severity "ignore").
  bool enabled(const Rule &rule) const {
    if (!rule.opt_in) return true;
    return enabled_opt_in.count(rule.code) > 0 || overrides.count(rule.code) > 0;
  }
};

// Parses a config file. Throws msm::Error naming the file on bad YAML, unknown keys or unknown codes.
Config load_config(const std::filesystem::path &path);

// Parses a failure threshold: error|warning|info|style, or none/ignore (never fail).
std::optional<Severity> parse_threshold(const std::string &value, const std::string &where);

// Finds and caches the configuration for each directory (thread-safe).
class ConfigResolver {
 public:
  // `explicit_config`: --config; when set it applies to every file.
  explicit ConfigResolver(std::optional<std::filesystem::path> explicit_config);
  std::shared_ptr<const Config> for_file(const std::filesystem::path &file);

 private:
  std::shared_ptr<const Config> for_directory(const std::filesystem::path &dir);
  std::shared_ptr<const Config> m_explicit;
  std::shared_ptr<const Config> m_default = std::make_shared<Config>();
  std::mutex m_mutex;
  std::map<std::filesystem::path, std::shared_ptr<const Config>> m_cache;    // by directory
  std::map<std::filesystem::path, std::shared_ptr<const Config>> m_by_file;  // by config file
};

}  // namespace msm::lint
