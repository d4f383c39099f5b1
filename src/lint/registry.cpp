#include "lint/registry.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include <yaml-cpp/yaml.h>

#include "lint/shellcheck/codes.h"
#include "util/error.h"

namespace msm::lint {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Style: return "style";
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::optional<Severity> severity_from_string(std::string_view s) {
  if (s == "style") return Severity::Style;
  if (s == "info") return Severity::Info;
  if (s == "warning") return Severity::Warning;
  if (s == "error") return Severity::Error;
  return std::nullopt;
}

std::string_view to_string(FixAvailability f) {
  switch (f) {
    case FixAvailability::None: return "none";
    case FixAvailability::Sometimes: return "sometimes";
    case FixAvailability::Always: return "always";
  }
  return "none";
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A YAML flow scalar as our rule files write them: plain, or "double quoted" with \" and \\.
std::string scalar(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && v.front() == '"') {
    std::string out;
    for (size_t i = 1; i < v.size(); ++i) {
      if (v[i] == '\\' && i + 1 < v.size()) {
        out += v[++i];
      } else if (v[i] == '"') {
        break;
      } else {
        out += v[i];
      }
    }
    return out;
  }
  if (v.size() >= 2 && v.front() == '\'') return std::string(v.substr(1, v.size() - 2));
  return std::string(v);
}

// The metadata keys are single-line top-level scalars or flow lists, so a line reader gets them
// without a YAML parser on every start; a unit test checks it agrees with yaml-cpp on every file.
Rule read_metadata(const EmbeddedRuleFile &f) {
  Rule rule;
  rule.source_file = f.file;
  std::string_view text(f.text);
  auto fail = [&](const std::string &what) {
    throw Error(std::string("rules/") + f.file + ": " + what);
  };
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (line.empty() || line[0] == ' ' || line[0] == '#' || line[0] == '-') continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view key = line.substr(0, colon);
    std::string_view value = trim(line.substr(colon + 1));
    if (key == "code") {
      rule.code = scalar(value);
    } else if (key == "name") {
      rule.name = scalar(value);
    } else if (key == "aliases") {
      if (value.size() < 2 || value.front() != '[' || value.back() != ']') fail("aliases must be a [flow, list]");
      std::string_view inner = value.substr(1, value.size() - 2);
      while (!trim(inner).empty()) {
        size_t comma = inner.find(',');
        rule.aliases.push_back(scalar(inner.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        inner = inner.substr(comma + 1);
      }
    } else if (key == "severity") {
      auto s = severity_from_string(scalar(value));
      if (!s) fail("severity must be error, warning, info or style");
      rule.severity = *s;
    } else if (key == "scope") {
      std::string s = scalar(value);
      if (s == "all-stages") rule.scope = RuleScope::AllStages;
      else if (s == "shipped-stages") rule.scope = RuleScope::ShippedStages;
      else fail("scope must be all-stages or shipped-stages");
    } else if (key == "fix") {
      std::string s = scalar(value);
      if (s == "none") rule.fix = FixAvailability::None;
      else if (s == "sometimes") rule.fix = FixAvailability::Sometimes;
      else if (s == "always") rule.fix = FixAvailability::Always;
      else fail("fix must be none, sometimes or always");
    } else if (key == "opt-in") {
      std::string s = scalar(value);
      if (s != "true" && s != "false") fail("opt-in must be true or false");
      rule.opt_in = s == "true";
    } else if (key == "message") {
      rule.message = scalar(value);
    }
  }
  if (rule.code.empty() || rule.name.empty()) fail("code and name are required");
  return rule;
}

}  // namespace

bool Rule::has_buildkit_name() const {
  return std::any_of(aliases.begin(), aliases.end(), [](const std::string &a) {
    return !(a.size() == 6 && a[0] == 'D' && a[1] == 'L' &&
             std::all_of(a.begin() + 2, a.end(), [](char c) { return c >= '0' && c <= '9'; }));
  });
}

Registry::Registry(const std::vector<EmbeddedRuleFile> &files) {
  std::vector<std::pair<Rule, const char *>> rules;
  for (const auto &f : files) rules.emplace_back(read_metadata(f), f.text);
  std::sort(rules.begin(), rules.end(), [](const auto &a, const auto &b) { return a.first.code < b.first.code; });
  for (auto &[rule, text] : rules) {
    m_rules.push_back(std::move(rule));
    m_texts.push_back(text);
  }
}

const Registry &Registry::instance() {
  static const Registry registry(embedded_rule_files());
  return registry;
}

namespace {

// "SC2086" (any case) -> the rule, when ShellCheck has that code.
const Rule *find_shellcheck(std::string_view key) {
  if (key.size() != 6 || std::tolower(static_cast<unsigned char>(key[0])) != 's' ||
      std::tolower(static_cast<unsigned char>(key[1])) != 'c') {
    return nullptr;
  }
  std::string code = "SC" + std::string(key.substr(2));
  const auto &rules = Registry::shellcheck_rules();
  auto it = std::lower_bound(rules.begin(), rules.end(), code, [](const Rule &r, const std::string &c) { return r.code < c; });
  return it != rules.end() && it->code == code ? &*it : nullptr;
}

}  // namespace

const std::vector<Rule> &Registry::shellcheck_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> out;
    for (const auto &c : shellcheck::codes()) {
      Rule r;
      r.code = "SC" + std::to_string(c.number);
      r.name = "shellcheck-" + std::to_string(c.number);
      r.severity = c.level;
      r.fix = FixAvailability::Sometimes;
      r.message = "ShellCheck " + r.code + " in a RUN script";
      r.from_shellcheck = true;
      out.push_back(std::move(r));
    }
    return out;
  }();
  return rules;
}

const Rule *Registry::find(std::string_view key) const {
  std::string k = lower(trim(key));
  for (const auto &r : m_rules) {
    if (lower(r.code) == k || lower(r.name) == k) return &r;
    for (const auto &a : r.aliases) {
      if (lower(a) == k) return &r;
    }
  }
  if (const Rule *sc = find_shellcheck(k)) return sc;
  if (k.rfind("shellcheck-", 0) == 0) return find_shellcheck("sc" + k.substr(11));
  return nullptr;
}

const Rule &Registry::get(std::string_view code) const {
  auto it = std::lower_bound(m_rules.begin(), m_rules.end(), code,
                             [](const Rule &r, std::string_view c) { return r.code < c; });
  if (it != m_rules.end() && it->code == code) return *it;
  if (const Rule *sc = find_shellcheck(code)) return *sc;
  throw Error("internal: rule " + std::string(code) + " is not registered");
}

namespace {
YAML::Node load(const char *text, const Rule &rule) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception &e) {
    throw Error("rules/" + rule.source_file + ": " + e.what());
  }
}
}  // namespace

std::string Registry::docs(const Rule &rule) const {
  if (rule.from_shellcheck) {
    return "## What it does\nShellCheck's check " + rule.code +
           ", run on the script of every RUN (shell form, `sh -c` exec form, heredoc scripts, ONBUILD RUN)"
           " in the stage's shell dialect, with the stage's ARG and ENV names declared.\n\n"
           "## Why is this bad?\nSee ShellCheck's wiki: " + docs_url(rule) + "\n\n"
           "## Fix safety\nShellCheck's own suggested edits, offered as unsafe fixes: they change what the script does"
           " (quoting stops word splitting and globbing).\n";
  }
  size_t i = static_cast<size_t>(&rule - m_rules.data());
  YAML::Node node = load(m_texts.at(i), rule);
  return node["docs"] ? node["docs"].as<std::string>() : std::string();
}

RuleExamples Registry::examples(const Rule &rule) const {
  if (rule.from_shellcheck) return {};
  size_t i = static_cast<size_t>(&rule - m_rules.data());
  YAML::Node node = load(m_texts.at(i), rule)["examples"];
  RuleExamples ex;
  if (!node) return ex;
  for (const auto &v : node["valid"]) ex.valid.push_back(v.as<std::string>());
  for (const auto &v : node["invalid"]) ex.invalid.push_back(v.as<std::string>());
  for (const auto &kv : node["files"]) ex.files.emplace_back(kv.first.as<std::string>(), kv.second.as<std::string>());
  for (const auto &v : node["fixes"]) {
    ex.fixes.push_back({v["before"].as<std::string>(), v["after"].as<std::string>(),
                        v["unsafe"] ? v["unsafe"].as<bool>() : false});
  }
  return ex;
}

std::string Registry::docs_url(const Rule &rule) const {
  if (rule.from_shellcheck) return std::string(k_shellcheck_wiki) + rule.code;
  return std::string(k_docs_base) + rule.source_file;
}

}  // namespace msm::lint
