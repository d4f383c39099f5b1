#include "lint/config.h"

#include <yaml-cpp/yaml.h>

#include <sys/stat.h>

#include "util/error.h"
#include "util/files.h"

namespace msm::lint {

namespace fs = std::filesystem;

namespace {
// A configuration is a few hundred bytes; anything past this is not one.
constexpr uint64_t k_max_config_bytes = 4u * 1024 * 1024;
}  // namespace

std::optional<Severity> parse_threshold(const std::string &value, const std::string &where) {
  if (value == "none" || value == "ignore") return std::nullopt;
  if (auto s = severity_from_string(value)) return s;
  throw Error(where + ": failure threshold '" + value + "' is not one of error, warning, info, style, none");
}

namespace {

std::string canonical_code(const std::string &key, const std::string &where) {
  const Rule *rule = Registry::instance().find(key);
  if (!rule) throw Error(where + ": unknown rule '" + key + "' (see `msmigrate rules`)");
  return rule->code;
}

// hadolint's own DLxxxx/SCxxxx codes that msmigrate does not implement yet are accepted in
// ignore lists so a team's existing .hadolint.yaml keeps loading.
bool is_foreign_code(const std::string &key) {
  if (key.size() != 6) return false;
  if (!((key[0] == 'D' && key[1] == 'L') || (key[0] == 'S' && key[1] == 'C'))) return false;
  for (size_t i = 2; i < 6; ++i) {
    if (key[i] < '0' || key[i] > '9') return false;
  }
  return true;
}

// `rules: {CODE: {...}}`: each rule's options into its typed struct.
void read_rule_options(const std::string &code, const YAML::Node &node, RuleOptions &out, const std::string &where) {
  std::string at = where + ": rules." + code;
  if (!node.IsMap()) throw Error(at + " must be a mapping of option names to values");
  for (const auto &kv : node) {
    std::string key = kv.first.as<std::string>();
    const YAML::Node &value = kv.second;
    if (code == "MSM3004" && key == "images") {
      if (!value.IsSequence()) throw Error(at + ".images must be a list of image repositories");
      for (const auto &v : value) {
        if (!v.IsScalar()) throw Error(at + ".images must be a list of image repositories");
        out.sdk_final_stage.images.push_back(v.as<std::string>());
      }
    } else {
      throw Error(at + ": unknown option '" + key + "'" + (code == "MSM3004" ? " (MSM3004 takes: images)" : " (the rule takes no options)"));
    }
  }
}

nlohmann::json to_json(const YAML::Node &node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: {
      nlohmann::json a = nlohmann::json::array();
      for (const auto &v : node) a.push_back(to_json(v));
      return a;
    }
    case YAML::NodeType::Map: {
      nlohmann::json o = nlohmann::json::object();
      for (const auto &kv : node) o[kv.first.as<std::string>()] = to_json(kv.second);
      return o;
    }
    case YAML::NodeType::Scalar: return node.as<std::string>();
    default: return nullptr;
  }
}

std::vector<std::string> string_list(const YAML::Node &node, const std::string &where, const std::string &key) {
  if (!node.IsSequence()) throw Error(where + ": '" + key + "' must be a list");
  std::vector<std::string> out;
  for (const auto &v : node) out.push_back(v.as<std::string>());
  return out;
}

}  // namespace

Config load_config(const fs::path &path) {
  std::string where = path.string();
  Config config;
  config.source = where;
  // Checked before reading: YAML::LoadFile would block forever on a FIFO without a writer and
  // read /dev/zero until memory runs out.
  struct stat st {};
  if (::stat(where.c_str(), &st) != 0) throw Error(where + ": cannot read the configuration file");
  if (!S_ISREG(st.st_mode)) throw Error(where + ": not a regular file; a configuration must be a YAML file");
  if (static_cast<uint64_t>(st.st_size) > k_max_config_bytes) {
    throw Error(where + ": larger than " + std::to_string(k_max_config_bytes >> 20) + " MiB; not a configuration file");
  }
  YAML::Node root;
  try {
    root = YAML::Load(util::read_input(where));
  } catch (const YAML::Exception &e) {
    throw Error(where + ": invalid YAML: " + e.what());
  }
  if (root.IsNull()) return config;
  if (!root.IsMap()) throw Error(where + ": the configuration must be a mapping of keys");
  try {
    for (const auto &kv : root) {
      std::string key = kv.first.as<std::string>();
      const YAML::Node &value = kv.second;
      if (key == "ignored" || key == "ignore") {
        for (const auto &code : string_list(value, where, key)) {
          if (is_foreign_code(code) && !Registry::instance().find(code)) continue;
          config.ignored.insert(canonical_code(code, where));
        }
      } else if (key == "enable" || key == "enabled") {
        for (const auto &code : string_list(value, where, key)) config.enabled_opt_in.insert(canonical_code(code, where));
      } else if (key == "override" || key == "severity") {
        if (!value.IsMap()) throw Error(where + ": '" + key + "' must map severities to lists of rules");
        for (const auto &level : value) {
          std::string name = level.first.as<std::string>();
          auto severity = severity_from_string(name);
          if (!severity) throw Error(where + ": unknown severity '" + name + "' under '" + key + "'");
          for (const auto &code : string_list(level.second, where, key + "." + name)) {
            if (is_foreign_code(code) && !Registry::instance().find(code)) continue;
            config.overrides[canonical_code(code, where)] = *severity;
          }
        }
      } else if (key == "failure-threshold" || key == "failure_threshold") {
        config.failure_threshold = parse_threshold(value.as<std::string>(), where);
      } else if (key == "no-fail" || key == "no_fail") {
        config.no_fail = value.as<bool>();
      } else if (key == "trustedRegistries" || key == "trusted-registries") {
        config.trusted_registries = string_list(value, where, key);
      } else if (key == "registry-mirrors" || key == "registry_mirrors") {
        config.registry_mirrors = string_list(value, where, key);
      } else if (key == "insecure-registries" || key == "insecure_registries") {
        config.insecure_registries = string_list(value, where, key);
      } else if (key == "label-schema" || key == "required-labels") {
        if (value.IsSequence()) {
          for (const auto &l : value) config.required_labels[l.as<std::string>()] = "text";
        } else if (value.IsMap()) {
          for (const auto &l : value) config.required_labels[l.first.as<std::string>()] = l.second.as<std::string>();
        } else {
          throw Error(where + ": '" + key + "' must be a list or a mapping of label to type");
        }
      } else if (key == "strict-labels" || key == "strict_labels") {
        config.strict_labels = value.as<bool>();
      } else if (key == "rules") {
        if (!value.IsMap()) throw Error(where + ": 'rules' must map rule codes to option mappings");
        for (const auto &r : value) {
          read_rule_options(canonical_code(r.first.as<std::string>(), where), r.second, config.rule_options, where);
        }
      } else if (key == "format" && value.IsMap()) {
        config.format_section = to_json(value);
      } else if (key == "format" || key == "verbose" || key == "no-color" || key == "disable-ignore-pragma") {
        // hadolint's presentation keys: accepted so its files load; the command line decides these.
      } else {
        throw Error(where + ": unknown key '" + key + "'");
      }
    }
  } catch (const YAML::Exception &e) {
    throw Error(where + ": " + e.what());
  }
  return config;
}

ConfigResolver::ConfigResolver(std::optional<fs::path> explicit_config) {
  if (explicit_config) m_explicit = std::make_shared<Config>(load_config(*explicit_config));
}

std::shared_ptr<const Config> ConfigResolver::for_file(const fs::path &file) {
  if (m_explicit) return m_explicit;
  std::error_code ec;
  fs::path dir = fs::absolute(file, ec).parent_path();
  if (ec) return m_default;
  return for_directory(dir);
}

std::shared_ptr<const Config> ConfigResolver::for_directory(const fs::path &dir) {
  {
    std::lock_guard lock(m_mutex);
    if (auto it = m_cache.find(dir); it != m_cache.end()) return it->second;
  }
  // Any .msmigrate.yaml upward wins over every .hadolint.yaml, so adding our file to a
  // repository's root takes over from hadolint's everywhere below it.
  auto find_upward = [&](const char *name) -> std::optional<fs::path> {
    std::error_code ec;
    for (fs::path d = dir;; d = d.parent_path()) {
      if (fs::exists(d / name, ec)) return d / name;
      if (!d.has_parent_path() || d.parent_path() == d) return std::nullopt;
    }
  };
  std::shared_ptr<const Config> found = m_default;
  std::optional<fs::path> file = find_upward(".msmigrate.yaml");
  if (!file) file = find_upward(".hadolint.yaml");
  if (file) {
    std::lock_guard lock(m_mutex);
    if (auto it = m_by_file.find(*file); it != m_by_file.end()) {
      found = it->second;
    }
  }
  if (file && found == m_default) found = std::make_shared<Config>(load_config(*file));
  std::lock_guard lock(m_mutex);
  if (file) m_by_file.emplace(*file, found);
  m_cache[dir] = found;
  return found;
}

}  // namespace msm::lint
