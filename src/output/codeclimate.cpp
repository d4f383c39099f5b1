// codeclimate and gitlab: Code Climate issues (GitLab's Code Quality report is a subset of it,
// with `location.lines` and a stable fingerprint per issue).

#include <cstdint>
#include <map>

#include <nlohmann/json.hpp>

#include "output/render.h"

namespace msm::output {

namespace {

// FNV-1a: a stable fingerprint that survives unrelated line moves (no line number in it).
std::string fingerprint(std::string_view a, std::string_view b, std::string_view c, size_t n) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char ch : s) {
      h ^= ch;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  mix(a);
  mix(b);
  mix(c);
  mix(std::to_string(n));
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string_view cc_severity(lint::Severity s) {
  switch (s) {
    case lint::Severity::Error: return "critical";
    case lint::Severity::Warning: return "major";
    case lint::Severity::Info: return "minor";
    case lint::Severity::Style: return "info";
  }
  return "info";
}

}  // namespace

void render_codeclimate(const std::vector<lint::FileResult> &files, std::ostream &out, bool gitlab) {
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (const auto &f : files) {
    std::map<std::string, size_t> seen;  // same code+message twice in a file: distinct fingerprints
    for (const auto &d : f.diagnostics) {
      std::string text = d.message;
      std::string print = fingerprint(f.path, d.rule->code, text, seen[d.rule->code + text]++);
      nlohmann::ordered_json issue;
      if (gitlab) {
        issue = {{"description", d.message},
                 {"check_name", d.rule->code},
                 {"fingerprint", print},
                 {"severity", cc_severity(d.severity)},
                 {"location", {{"path", f.path}, {"lines", {{"begin", d.start.line}, {"end", d.end.line}}}}}};
      } else {
        std::string category = d.rule->code.rfind("MSM4", 0) == 0 ? "Security"
                               : d.severity == lint::Severity::Error ? "Bug Risk"
                                                                     : "Style";
        issue = {{"type", "issue"},
                 {"check_name", d.rule->code},
                 {"description", d.message},
                 {"categories", {category}},
                 {"location",
                  {{"path", f.path},
                   {"positions",
                    {{"begin", {{"line", d.start.line}, {"column", d.start.column}}},
                     {"end", {{"line", d.end.line}, {"column", d.end.column}}}}}}},
                 {"severity", cc_severity(d.severity)},
                 {"fingerprint", print}};
      }
      issues.push_back(std::move(issue));
    }
  }
  out << issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace msm::output
