#pragma once
// BuildKit's joining of continued physical lines into one logical line, with a map from
// every byte of the logical line back to the source, so values keep exact source ranges.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace msm::syntax {

struct Range;

struct LogicalLine {
  std::string text;                  // what BuildKit calls the instruction's `original`
  std::vector<uint32_t> source_of;   // source byte of each byte of `text`
  uint32_t source_end = 0;           // source byte just after the last joined byte
  bool empty_continuation_line = false;  // BuildKit warns about these (NoEmptyContinuation)

  // Source range covering logical bytes [begin, end).
  Range source_range(uint32_t begin, uint32_t end) const;
};

// Joins the lines of `region` (an instruction's own lines, without heredoc bodies) the way
// BuildKit does: a line ending in the escape char (plus [ \t]*), not preceded by another
// escape char, continues; comment lines and whitespace-only lines inside are dropped.
LogicalLine join_lines(std::string_view source, Range region, char escape);

// The index of the first byte at or after `i` that is not Go-unicode.IsSpace (how BuildKit
// recognises comment and blank lines inside a continuation).
size_t skip_unicode_space(std::string_view s, size_t i);

}  // namespace msm::syntax
