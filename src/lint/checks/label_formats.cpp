#include "lint/checks/label_formats.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <string>

namespace msm::lint::checks {

namespace {
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
int to_int(std::string_view s) { return std::stoi(std::string(s)); }
}  // namespace

bool is_url(std::string_view v) {
  static const std::regex k_url(R"(^[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#@]+(@[^\s/?#]+)?([/?#][^\s]*)?$)");
  return std::regex_match(std::string(v), k_url);
}

bool is_rfc3339(std::string_view v) {
  // date "T" time, time = hh:mm:ss[.frac] (Z | ±hh:mm); RFC 3339 §5.6 allows `t`, `z` and a space for T.
  if (v.size() < 20) return false;
  auto at = [&](size_t i, char c) { return i < v.size() && v[i] == c; };
  if (!(all_digits(v.substr(0, 4)) && at(4, '-') && all_digits(v.substr(5, 2)) && at(7, '-') && all_digits(v.substr(8, 2)))) return false;
  if (!(at(10, 'T') || at(10, 't') || at(10, ' '))) return false;
  if (!(all_digits(v.substr(11, 2)) && at(13, ':') && all_digits(v.substr(14, 2)) && at(16, ':') && all_digits(v.substr(17, 2)))) return false;
  int month = to_int(v.substr(5, 2)), day = to_int(v.substr(8, 2));
  int hour = to_int(v.substr(11, 2)), minute = to_int(v.substr(14, 2)), second = to_int(v.substr(17, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return false;
  size_t i = 19;
  if (at(i, '.')) {
    size_t start = ++i;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i;
    if (i == start) return false;
  }
  std::string_view zone = v.substr(i);
  if (zone == "Z" || zone == "z") return true;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && all_digits(zone.substr(1, 2)) && zone[3] == ':' &&
         all_digits(zone.substr(4, 2)) && to_int(zone.substr(1, 2)) <= 23 && to_int(zone.substr(4, 2)) <= 59;
}

bool is_git_hash(std::string_view v) {
  if (!((v.size() >= 7 && v.size() <= 40) || v.size() == 64)) return false;
  return std::all_of(v.begin(), v.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

bool is_semver(std::string_view v) {
  static const std::regex k_semver(
      R"(^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*))"
      R"((-((0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*))?)"
      R"((\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$)");
  return std::regex_match(std::string(v), k_semver);
}

bool is_email(std::string_view v) {
  static const std::regex k_email(R"(^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$)");
  return std::regex_match(std::string(v), k_email);
}

namespace {

// SPDX expression: term (AND|OR term)*, term = id[+] [WITH exception] | ( expression ).
class SpdxParser {
 public:
  explicit SpdxParser(std::string_view text) : m_text(text) {}
  bool parse() { return expression() && (skip(), m_pos == m_text.size()); }

 private:
  void skip() {
    while (m_pos < m_text.size() && m_text[m_pos] == ' ') ++m_pos;
  }
  std::string_view word() {
    skip();
    size_t start = m_pos;
    while (m_pos < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '-' ||
                                     m_text[m_pos] == '.' || m_text[m_pos] == '+' || m_text[m_pos] == ':')) {
      ++m_pos;
    }
    return m_text.substr(start, m_pos - start);
  }
  bool keyword(std::string_view k) {
    size_t saved = m_pos;
    if (word() == k) return true;
    m_pos = saved;
    return false;
  }
  bool term() {
    skip();
    if (m_pos < m_text.size() && m_text[m_pos] == '(') {
      ++m_pos;
      if (!expression()) return false;
      skip();
      if (m_pos >= m_text.size() || m_text[m_pos] != ')') return false;
      ++m_pos;
      return true;
    }
    std::string_view id = word();
    if (id.empty()) return false;
    if (id.back() == '+') id.remove_suffix(1);
    bool known = is_spdx_license_id(id) || id.substr(0, 11) == "LicenseRef-" || id.substr(0, 12) == "DocumentRef-";
    if (!known) return false;
    if (keyword("WITH")) return !word().empty();
    return true;
  }
  bool expression() {
    if (!term()) return false;
    while (keyword("AND") || keyword("OR")) {
      if (!term()) return false;
    }
    return true;
  }

  std::string_view m_text;
  size_t m_pos = 0;
};

}  // namespace

bool is_spdx_expression(std::string_view v) { return !v.empty() && SpdxParser(v).parse(); }

}  // namespace msm::lint::checks
