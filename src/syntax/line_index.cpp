#include "syntax/line_index.h"

#include <algorithm>
#include <cstring>

namespace msm::syntax {

namespace {
bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

LineIndex::LineIndex(std::string_view source) : m_source(source) {
  m_starts.reserve(source.size() / 32 + 1);
  m_starts.push_back(0);
  const char *begin = source.data();
  const char *end = begin + source.size();
  for (const char *p = begin; (p = static_cast<const char *>(std::memchr(p, '\n', end - p))) != nullptr; ++p) {
    m_starts.push_back(static_cast<uint32_t>(p - begin + 1));
  }
}

uint32_t LineIndex::line_of(uint32_t byte) const {
  auto it = std::upper_bound(m_starts.begin(), m_starts.end(), byte);
  return static_cast<uint32_t>(it - m_starts.begin());
}

uint32_t LineIndex::line_start(uint32_t line) const {
  if (line == 0) return 0;
  if (line > m_starts.size()) return static_cast<uint32_t>(m_source.size());
  return m_starts[line - 1];
}

Position LineIndex::position(uint32_t byte) const {
  byte = std::min<uint32_t>(byte, static_cast<uint32_t>(m_source.size()));
  uint32_t line = line_of(byte);
  uint32_t column = 1;
  for (uint32_t i = m_starts[line - 1]; i < byte; ++i) {
    if (!is_continuation_byte(m_source[i])) ++column;
  }
  return {line, column};
}

uint32_t LineIndex::utf16_column(uint32_t byte) const {
  byte = std::min<uint32_t>(byte, static_cast<uint32_t>(m_source.size()));
  uint32_t line = line_of(byte);
  uint32_t units = 0;
  for (uint32_t i = m_starts[line - 1]; i < byte; ++i) {
    auto c = static_cast<unsigned char>(m_source[i]);
    if (is_continuation_byte(static_cast<char>(c))) continue;
    units += (c >= 0xF0) ? 2 : 1;  // 4-byte sequences are surrogate pairs in UTF-16
  }
  return units;
}

uint32_t LineIndex::byte_at(uint32_t line, uint32_t column) const {
  uint32_t byte = line_start(line);
  uint32_t end = line < m_starts.size() ? m_starts[line] : static_cast<uint32_t>(m_source.size());
  for (uint32_t c = 1; c < column && byte < end; ++byte) {
    if (byte + 1 >= end || !is_continuation_byte(m_source[byte + 1])) ++c;
  }
  return byte;
}

}  // namespace msm::syntax
