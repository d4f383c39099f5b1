#include "lint/suppression.h"

#include <cctype>

namespace msm::lint {

namespace {

// Comments and directive values: ASCII blanks (space, tab, CR, LF, VT, FF).
std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Consumes `word` (lower case) from the start of `s`, in any case.
bool starts_with_word(std::string_view &s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
  }
  s.remove_prefix(word.size());
  return true;
}

std::vector<std::string> split_codes(std::string_view list) {
  std::vector<std::string> out;
  while (true) {
    size_t comma = list.find(',');
    std::string_view code = trim(list.substr(0, comma));
    if (!code.empty()) out.emplace_back(code);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

// `skip=A,B;error=true` -> the value of `key`.
std::optional<std::string_view> directive_part(std::string_view value, std::string_view key) {
  while (!value.empty()) {
    size_t semi = value.find(';');
    std::string_view part = trim(value.substr(0, semi));
    if (starts_with_word(part, key)) {
      part = trim(part);
      if (!part.empty() && part.front() == '=') return trim(part.substr(1));
    }
    if (semi == std::string_view::npos) break;
    value.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<std::string>> check_skip_names(std::string_view directive_value) {
  auto list = directive_part(directive_value, "skip");
  if (!list) return std::nullopt;
  return split_codes(*list);
}

bool check_error_flag(std::string_view directive_value) {
  auto flag = directive_part(directive_value, "error");
  return flag && flag->size() == 4 && starts_with_word(*flag, "true");
}

std::optional<SuppressionComment> parse_suppression_comment(std::string_view comment_text) {
  std::string_view s = trim(comment_text);
  SuppressionComment sup;
  for (std::string_view tool : {"msmigrate", "hadolint"}) {
    if (!starts_with_word(s, tool)) continue;
    sup.tool = tool;
    s = trim(s);
    if (starts_with_word(s, "global")) {
      sup.kind = SuppressionKind::File;
      s = trim(s);
    }
    if (!starts_with_word(s, "ignore")) return std::nullopt;
    s = trim(s);
    if (s.empty() || s.front() != '=') return std::nullopt;
    std::string_view list = s.substr(1);
    if (size_t hash = list.find('#'); hash != std::string_view::npos) list = list.substr(0, hash);
    list = trim(list);
    sup.names = split_codes(list);
    sup.list_end = static_cast<size_t>(list.data() + list.size() - comment_text.data());
    return sup;
  }
  if (starts_with_word(s, "check")) {
    s = trim(s);
    if (s.empty() || s.front() != '=') return std::nullopt;
    // BuildKit reads a check comment's value up to the first space: `skip=X // why` skips X.
    std::string_view value = s.substr(1);
    if (size_t note = value.find(" //"); note != std::string_view::npos) value = value.substr(0, note);
    auto names = check_skip_names(value);
    if (!names) return std::nullopt;
    sup.kind = SuppressionKind::BuildkitSkip;
    sup.names = std::move(*names);
    sup.list_end = comment_text.size();
    return sup;
  }
  return std::nullopt;
}

bool is_ignore_pragma(std::string_view comment_text) {
  auto sup = parse_suppression_comment(comment_text);
  return sup && sup->kind != SuppressionKind::BuildkitSkip;
}

}  // namespace msm::lint
