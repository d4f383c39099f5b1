#pragma once
// Byte offset <-> 1-based line/column. Columns are counted in Unicode code points (what
// SARIF calls `unicodeCodePoints`); utf16_column serves LSP clients.

#include <cstdint>
#include <string_view>
#include <vector>

namespace msm::syntax {

struct Position {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in code points
};

class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view source);

  Position position(uint32_t byte) const;
  uint32_t line_of(uint32_t byte) const;  // 1-based
  uint32_t line_start(uint32_t line) const;  // byte offset of a 1-based line
  uint32_t line_count() const { return static_cast<uint32_t>(m_starts.size()); }
  uint32_t utf16_column(uint32_t byte) const;  // 0-based, for LSP
  uint32_t byte_at(uint32_t line, uint32_t column) const;  // inverse of position()

 private:
  std::string_view m_source;
  std::vector<uint32_t> m_starts;
};

}  // namespace msm::syntax
