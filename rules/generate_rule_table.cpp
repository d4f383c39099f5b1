// Build-time generator of the rule table: reads every rules/*.yaml and writes
//   - a C++ file with the constant table of rules (code, name, aliases, severity, scope, fix,
//     opt-in, message, check function, and the YAML text that docs and examples are read from),
//   - a header declaring the check functions the YAML files name (`check:`),
// so a rule is its YAML file plus its check file, and no YAML is parsed to list the rules.
//
// It also checks that the two places agree: every `check:` names a function defined in
// src/lint/checks/*.cpp (or `engine`: reported by the lint engine itself), and every check
// function defined there is named by exactly one YAML file. A problem is reported as
// `rules/<file>: <problem>` and fails the build (exit 1).
//
//   generate_rule_table RULES_DIR CHECKS_DIR OUT_CPP OUT_HEADER
//
// The metadata keys are single-line top-level scalars or flow lists, so a line reader gets them;
// tests/unit/test_lint_registry.cpp checks the table agrees with yaml-cpp on every file.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Reported by the lint engine after all checks ran (suppression bookkeeping), not by a check.
constexpr std::string_view k_engine = "engine";

struct RuleFile {
  std::string file;  // DL3006-untagged-base-image.yaml
  std::string text;
  std::string code, name, check, severity = "warning", scope = "all-stages", fix = "none", message;
  std::vector<std::string> aliases;
  bool opt_in = false;
};

struct Failure {
  std::string what;
};

// YAML's inline whitespace: space and tab (a trailing CR of a CRLF file too).
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A YAML flow scalar as our rule files write them: plain, 'single quoted', or "double quoted"
// with \" and \\.
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

std::string read_file(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Failure{"cannot read " + path.string()};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

RuleFile read_rule(const fs::path &path) {
  RuleFile rule;
  rule.file = path.filename().string();
  rule.text = read_file(path);
  auto fail = [&](const std::string &what) { throw Failure{"rules/" + rule.file + ": " + what}; };
  auto one_of = [&](std::string_view key, const std::string &value, std::initializer_list<std::string_view> allowed) {
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    fail(std::string(key) + " must be one of " + list + ", not `" + value + "`");
    return value;
  };
  std::string_view text(rule.text);
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
    } else if (key == "check") {
      rule.check = scalar(value);
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
      rule.severity = one_of(key, scalar(value), {"error", "warning", "info", "style"});
    } else if (key == "scope") {
      rule.scope = one_of(key, scalar(value), {"all-stages", "shipped-stages"});
    } else if (key == "fix") {
      rule.fix = one_of(key, scalar(value), {"none", "sometimes", "always"});
    } else if (key == "opt-in") {
      rule.opt_in = one_of(key, scalar(value), {"true", "false"}) == "true";
    } else if (key == "message") {
      rule.message = scalar(value);
    }
  }
  if (rule.code.empty() || rule.name.empty()) fail("code and name are required");
  if (rule.message.empty()) fail("message is required");
  if (rule.file != rule.code + "-" + rule.name + ".yaml") fail("the file must be named " + rule.code + "-" + rule.name + ".yaml");
  static const std::regex k_identifier("^[a-z][a-z0-9_]*$");
  if (!std::regex_match(rule.check, k_identifier)) {
    fail("check must name the check function (snake_case, defined in src/lint/checks/) or be `engine`");
  }
  return rule;
}

// The check functions defined in the check files: `void name(Context &ctx) {` at the start of a
// line (helpers take more parameters, so they never match).
std::map<std::string, std::string> defined_checks(const fs::path &checks_dir) {
  static const std::regex k_definition(R"(^void ([a-z][a-z0-9_]*)\(Context &ctx\) \{)");
  std::map<std::string, std::string> out;  // function -> file
  for (const auto &entry : fs::directory_iterator(checks_dir)) {
    if (entry.path().extension() != ".cpp") continue;
    std::istringstream lines(read_file(entry.path()));
    std::string line;
    std::smatch m;
    while (std::getline(lines, line)) {
      if (std::regex_search(line, m, k_definition)) out[m[1]] = entry.path().filename().string();
    }
  }
  return out;
}

std::string literal(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\%03o", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string enumerator(std::string_view value) {
  // none -> None, shipped-stages -> ShippedStages
  std::string out;
  bool up = true;
  for (char c : value) {
    if (c == '-') {
      up = true;
      continue;
    }
    out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    up = false;
  }
  return out;
}

// Writes only on change, so a rebuild touches nothing when the rules did not change.
void write_if_changed(const fs::path &path, const std::string &text) {
  std::error_code ec;
  if (fs::exists(path, ec) && read_file(path) == text) return;
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw Failure{"cannot write " + path.string()};
}

std::string header(const std::vector<RuleFile> &rules) {
  std::string out =
      "// Generated from rules/*.yaml by rules/generate_rule_table.cpp. Do not edit.\n"
      "// The check functions the rule files name (`check:`), one per rule, each defined in\n"
      "// src/lint/checks/<file>.cpp.\n#pragma once\n\nnamespace msm::lint {\nclass Context;\n}\n\n"
      "namespace msm::lint::checks {\n\n";
  for (const auto &r : rules) {
    if (r.check != k_engine) out += "void " + r.check + "(Context &ctx);  // " + r.code + "\n";
  }
  return out + "\n}  // namespace msm::lint::checks\n";
}

std::string table(const std::vector<RuleFile> &rules) {
  std::string out =
      "// Generated from rules/*.yaml by rules/generate_rule_table.cpp. Do not edit.\n"
      "#include \"lint/registry.h\"\n#include \"lint/checks/check_functions.h\"\n\n"
      "namespace msm::lint {\n\nnamespace {\n\n";
  for (const auto &r : rules) {
    if (r.aliases.empty()) continue;
    out += "constexpr std::string_view k_aliases_" + r.code + "[] = {";
    for (size_t i = 0; i < r.aliases.size(); ++i) out += (i ? ", " : "") + literal(r.aliases[i]);
    out += "};\n";
  }
  out += "\nconstexpr RuleSpec k_rule_specs[] = {\n";
  for (const auto &r : rules) {
    out += "    {" + literal(r.code) + ", " + literal(r.name) + ", " +
           (r.aliases.empty() ? std::string("{}") : "k_aliases_" + r.code) + ", Severity::" + enumerator(r.severity) +
           ", RuleScope::" + enumerator(r.scope) + ", FixAvailability::" + enumerator(r.fix) + ", " +
           (r.opt_in ? "true" : "false") + ",\n     " + literal(r.message) + ", " + literal(r.file) + ", " +
           (r.check == k_engine ? std::string("nullptr") : "checks::" + r.check) + ",\n     " + literal(r.text) + "},\n";
  }
  out += "};\n\n}  // namespace\n\nstd::span<const RuleSpec> rule_specs() { return k_rule_specs; }\n\n"
         "}  // namespace msm::lint\n";
  return out;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc != 5) {
    std::cerr << "usage: generate_rule_table RULES_DIR CHECKS_DIR OUT_CPP OUT_HEADER\n";
    return 2;
  }
  try {
    std::vector<fs::path> files;
    for (const auto &entry : fs::directory_iterator(argv[1])) {
      if (entry.path().extension() == ".yaml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<RuleFile> rules;
    for (const auto &f : files) rules.push_back(read_rule(f));
    std::sort(rules.begin(), rules.end(), [](const RuleFile &a, const RuleFile &b) { return a.code < b.code; });

    std::map<std::string, std::string> defined = defined_checks(argv[2]);
    std::map<std::string, std::string> named;  // check -> rule file
    std::set<std::string> codes;
    for (const auto &r : rules) {
      if (!codes.insert(r.code).second) throw Failure{"rules/" + r.file + ": code " + r.code + " is used twice"};
      if (r.check == k_engine) continue;
      if (!defined.count(r.check)) {
        throw Failure{"rules/" + r.file + ": check `" + r.check + "` is not defined in src/lint/checks/ (`void " +
                      r.check + "(Context &ctx) {`)"};
      }
      if (auto [it, fresh] = named.emplace(r.check, r.file); !fresh) {
        throw Failure{"rules/" + r.file + ": check `" + r.check + "` is already the check of rules/" + it->second};
      }
    }
    for (const auto &[fn, file] : defined) {
      if (!named.count(fn)) {
        throw Failure{"src/lint/checks/" + file + ": check `" + fn + "` is named by no rules/*.yaml (`check: " + fn + "`)"};
      }
    }
    write_if_changed(argv[3], table(rules));
    write_if_changed(argv[4], header(rules));
  } catch (const Failure &f) {
    std::cerr << f.what << "\n";
    return 1;
  } catch (const std::exception &e) {
    std::cerr << "generate_rule_table: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
