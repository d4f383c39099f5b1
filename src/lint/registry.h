#pragma once
// The rule registry: metadata of every rule, from the constant table generated at build time
// from rules/*.yaml (rules/generate_rule_table.cpp). Codes, names and aliases all resolve to one
// rule.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace msm::lint {

class Context;
// A check: reports what it finds through the context, which knows the rule it runs for.
using CheckFn = void (*)(Context &);

enum class Severity { Style = 0, Info = 1, Warning = 2, Error = 3 };
std::string_view to_string(Severity s);
std::optional<Severity> severity_from_string(std::string_view s);

enum class RuleScope { AllStages, ShippedStages };
enum class FixAvailability { None, Sometimes, Always };
std::string_view to_string(FixAvailability f);

struct RuleExamples {
  std::vector<std::string> valid;
  std::vector<std::string> invalid;
  struct FixExample {
    std::string before;
    std::string after;
    bool unsafe = false;
  };
  std::vector<FixExample> fixes;
  // Files beside the Dockerfile the examples need (.dockerignore, build scripts): name -> content.
  std::vector<std::pair<std::string, std::string>> files;
};

struct Rule {
  std::string code;     // MSM1001, DL3006
  std::string name;     // kebab-case
  std::vector<std::string> aliases;  // other tools' ids (BuildKit check names)
  Severity severity = Severity::Warning;
  RuleScope scope = RuleScope::AllStages;
  FixAvailability fix = FixAvailability::None;
  // Off unless a configuration enables it (`enable:`, or hadolint's `override:` naming it).
  bool opt_in = false;
  std::string message;  // summary
  std::string source_file;  // rules/<file>.yaml ("" for ShellCheck's codes)
  // One of ShellCheck's codes (SCxxxx): reported by the ShellCheck integration, documented by
  // ShellCheck's wiki, and reported at the level ShellCheck gives each finding.
  bool from_shellcheck = false;
  // The check function (`check:` in the YAML); nullptr for the rules the engine reports itself
  // (`check: engine`) and for ShellCheck's.
  CheckFn check = nullptr;

  // BuildKit's check name among the aliases (`check=skip=all` skips exactly those rules); the
  // other aliases are hadolint's DLxxxx codes.
  bool has_buildkit_name() const;
};

// One rule file as the build compiled it: its metadata, its check, and the whole YAML text
// (read only for docs and examples).
struct RuleSpec {
  std::string_view code;
  std::string_view name;
  std::span<const std::string_view> aliases;
  Severity severity;
  RuleScope scope;
  FixAvailability fix;
  bool opt_in;
  std::string_view message;
  std::string_view source_file;
  CheckFn check;
  std::string_view text;
};
// The generated table, sorted by code.
std::span<const RuleSpec> rule_specs();

class Registry {
 public:
  // The registry of the generated rule table, built once (thread-safe).
  static const Registry &instance();
  explicit Registry(std::span<const RuleSpec> specs);

  const std::vector<Rule> &rules() const { return m_rules; }  // sorted by code
  // ShellCheck's codes (SC1000-SC3999 as ShellCheck 0.9.0 has them), sorted; built on first use.
  static const std::vector<Rule> &shellcheck_rules();
  // By code, name or alias, case-insensitive (ShellCheck's codes too).
  const Rule *find(std::string_view code_name_or_alias) const;
  const Rule &get(std::string_view code) const;  // must exist
  // Docs and examples need a full YAML parse; only `rules` and tests ask for them.
  std::string docs(const Rule &rule) const;
  RuleExamples examples(const Rule &rule) const;
  std::string docs_url(const Rule &rule) const;

 private:
  std::vector<Rule> m_rules;
  std::vector<std::string_view> m_texts;  // parallel to m_rules
};

// Docs link printed by tty output and SARIF.
inline constexpr std::string_view k_docs_base = "https://github.com/msmigrate/msmigrate/blob/main/rules/";
inline constexpr std::string_view k_shellcheck_wiki = "https://www.shellcheck.net/wiki/";

}  // namespace msm::lint
