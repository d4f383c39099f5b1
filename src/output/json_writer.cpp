#include "output/json_writer.h"

#include <charconv>

namespace msm::output {

namespace {

// How many continuation bytes a UTF-8 lead byte takes and the range its first continuation byte
// must fall in (the narrower ranges exclude overlong forms, surrogates and values past U+10FFFF).
struct LeadByte {
  int continuations;  // -1: never a valid lead byte
  unsigned char first_low, first_high;
};

LeadByte lead_byte(unsigned char b) {
  if (b >= 0xC2 && b <= 0xDF) return {1, 0x80, 0xBF};
  if (b == 0xE0) return {2, 0xA0, 0xBF};
  if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) return {2, 0x80, 0xBF};
  if (b == 0xED) return {2, 0x80, 0x9F};
  if (b == 0xF0) return {3, 0x90, 0xBF};
  if (b >= 0xF1 && b <= 0xF3) return {3, 0x80, 0xBF};
  if (b == 0xF4) return {3, 0x80, 0x8F};
  return {-1, 0, 0};
}

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";

}  // namespace

void append_json_string(std::string &out, std::string_view text) {
  out += '"';
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    // Runs of plain printable ASCII are copied in one append.
    size_t run = i;
    while (run < n) {
      auto c = static_cast<unsigned char>(text[run]);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i == n) break;
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
          static constexpr char k_hex[] = "0123456789abcdef";
          out += "\\u00";
          out += k_hex[c >> 4];
          out += k_hex[c & 0xF];
        }
      }
      ++i;
      continue;
    }
    LeadByte lead = lead_byte(c);
    if (lead.continuations < 0) {  // a stray continuation byte or an impossible lead: itself replaced
      out += k_replacement;
      ++i;
      continue;
    }
    // The longest valid prefix of the sequence; a shortfall replaces that prefix, and the byte
    // that broke it is read again as the start of what follows.
    size_t end = i + 1;
    int got = 0;
    while (got < lead.continuations && end < n) {
      auto next = static_cast<unsigned char>(text[end]);
      unsigned char low = got == 0 ? lead.first_low : 0x80, high = got == 0 ? lead.first_high : 0xBF;
      if (next < low || next > high) break;
      ++end, ++got;
    }
    if (got == lead.continuations) out.append(text.data() + i, end - i);
    else out += k_replacement;
    i = end;
  }
  out += '"';
}

void JsonWriter::new_line() {
  m_out += '\n';
  m_out.append(2 * m_levels.size(), ' ');
}

void JsonWriter::before_value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_levels.empty()) return;
  Level &level = m_levels.back();
  if (!level.empty) m_out += ',';
  level.empty = false;
  new_line();
}

void JsonWriter::key(std::string_view name) {
  Level &level = m_levels.back();
  if (!level.empty) m_out += ',';
  level.empty = false;
  new_line();
  append_json_string(m_out, name);
  m_out += ": ";
  m_after_key = true;
}

void JsonWriter::open(char bracket) {
  before_value();
  m_out += bracket;
  m_levels.push_back({bracket == '['});
}

void JsonWriter::close(char bracket) {
  bool empty = m_levels.back().empty;
  m_levels.pop_back();
  if (!empty) new_line();
  m_out += bracket;
}

void JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(m_out, text);
}

void JsonWriter::value(uint64_t number) {
  before_value();
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
  m_out.append(digits, end);
}

void JsonWriter::value(int number) {
  before_value();
  char digits[16];
  auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
  m_out.append(digits, end);
}

void JsonWriter::null_value() {
  before_value();
  m_out += "null";
}

}  // namespace msm::output
