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

}  // namespace

bool Rule::has_buildkit_name() const {
  return std::any_of(aliases.begin(), aliases.end(), [](const std::string &a) {
    return !(a.size() == 6 && a[0] == 'D' && a[1] == 'L' &&
             std::all_of(a.begin() + 2, a.end(), [](char c) { return c >= '0' && c <= '9'; }));
  });
}

Registry::Registry(std::span<const RuleSpec> specs) {
  std::vector<const RuleSpec *> sorted;
  for (const auto &spec : specs) sorted.push_back(&spec);
  std::sort(sorted.begin(), sorted.end(), [](const RuleSpec *a, const RuleSpec *b) { return a->code < b->code; });
  for (const RuleSpec *spec : sorted) {
    Rule rule;
    rule.code = spec->code;
    rule.name = spec->name;
    rule.aliases.assign(spec->aliases.begin(), spec->aliases.end());
    rule.severity = spec->severity;
    rule.scope = spec->scope;
    rule.fix = spec->fix;
    rule.opt_in = spec->opt_in;
    rule.message = spec->message;
    rule.source_file = spec->source_file;
    rule.check = spec->check;
    m_rules.push_back(std::move(rule));
    m_texts.push_back(spec->text);
  }
}

const Registry &Registry::instance() {
  static const Registry registry(rule_specs());
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
YAML::Node load(std::string_view text, const Rule &rule) {
  try {
    return YAML::Load(std::string(text));
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
