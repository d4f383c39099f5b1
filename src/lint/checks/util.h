#pragma once
// Small helpers shared by the checks.

#include <cctype>
#include <string>
#include <string_view>

#include "lint/context.h"

namespace msm::lint::checks {

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline std::string upper(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

inline bool has_upper(std::string_view s) {
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

inline bool has_lower(std::string_view s) {
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The text after the keyword and flags of an instruction, as written in the source.
inline syntax::Range rest_range(const syntax::Instruction &ins) {
  uint32_t start = ins.flags.empty() ? ins.keyword_range.end : ins.flags.back().range.end;
  return {start, ins.line_range.end};
}

// JSON string literal of `s` (for exec-form fixes and labels).
inline std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace msm::lint::checks

#include <set>

namespace msm::lint::checks {

// Names written with a default or alternative (`${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}`): using
// them unset is deliberate.
inline std::set<std::string> names_with_default(std::string_view word) {
  std::set<std::string> out;
  for (size_t i = 0; i + 2 < word.size(); ++i) {
    if (word[i] != '$' || word[i + 1] != '{') continue;
    size_t j = i + 2;
    while (j < word.size() && (std::isalnum(static_cast<unsigned char>(word[j])) || word[j] == '_')) ++j;
    if (j == i + 2 || j >= word.size()) continue;
    size_t k = j;
    if (word[k] == ':') ++k;
    if (k < word.size() && (word[k] == '-' || word[k] == '+')) out.emplace(word.substr(i + 2, j - i - 2));
  }
  return out;
}

}  // namespace msm::lint::checks

namespace msm::lint::checks {

// Where exactly a stage reference is written: the name inside `--from=x` or `from=x` of a mount,
// or FROM's whole image argument.
inline std::optional<syntax::Range> reference_range(const syntax::Document &doc, const analysis::Dependency &dep) {
  if (dep.kind == analysis::DependencyKind::Base) return dep.range;
  std::string_view text = doc.text(dep.range);
  std::string needle = "from=" + dep.reference;
  size_t at = text.rfind(needle);
  if (at == std::string_view::npos) return std::nullopt;
  // The reference must end at a field boundary: `from=1` must not match inside `from=12`.
  size_t end = at + needle.size();
  if (end < text.size() && text[end] != ',' && text[end] != ' ' && text[end] != '"' && text[end] != '\'') return std::nullopt;
  uint32_t start = dep.range.start + static_cast<uint32_t>(at + 5);
  return syntax::Range{start, start + static_cast<uint32_t>(dep.reference.size())};
}

}  // namespace msm::lint::checks
