#include "syntax/logical_line.h"

#include "syntax/document.h"

namespace msm::syntax {

namespace {

// Go's unicode.IsSpace on the UTF-8 sequence at `s[i]`; returns its length or 0.
size_t unicode_space_length(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') return 1;
  if (c == 0xC2 && i + 1 < s.size()) {
    auto d = static_cast<unsigned char>(s[i + 1]);
    if (d == 0x85 || d == 0xA0) return 2;
  }
  if (c == 0xE1 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x9A &&
      static_cast<unsigned char>(s[i + 2]) == 0x80) {
    return 3;  // U+1680
  }
  if (c == 0xE2 && i + 2 < s.size()) {
    auto d = static_cast<unsigned char>(s[i + 1]);
    auto e = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x80 && ((e >= 0x80 && e <= 0x8A) || e == 0xA8 || e == 0xA9 || e == 0xAF)) return 3;
    if (d == 0x81 && e == 0x9F) return 3;  // U+205F
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80) {
    return 3;  // U+3000
  }
  return 0;
}

}  // namespace

size_t skip_unicode_space(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t n = unicode_space_length(s, i);
    if (n == 0) break;
    i += n;
  }
  return i;
}

Range LogicalLine::source_range(uint32_t begin, uint32_t end) const {
  if (text.empty() || begin >= text.size()) return {source_end, source_end};
  if (end <= begin) return {source_of[begin], source_of[begin]};
  if (end > text.size()) end = static_cast<uint32_t>(text.size());
  return {source_of[begin], source_of[end - 1] + 1};
}

LogicalLine join_lines(std::string_view source, Range region, char escape) {
  LogicalLine out;
  out.text.reserve(region.end - region.start);
  out.source_of.reserve(region.end - region.start);
  out.source_end = region.end;
  size_t pos = region.start;
  bool first = true;
  while (pos <= region.end) {
    size_t nl = source.find('\n', pos);
    size_t line_end = (nl == std::string_view::npos || nl > region.end) ? region.end : nl;
    size_t content_end = line_end;
    while (content_end > pos && (source[content_end - 1] == '\r' || source[content_end - 1] == '\n')) --content_end;
    std::string_view line = source.substr(pos, content_end - pos);
    size_t next = line_end + 1;
    if (!first) {
      size_t lead = skip_unicode_space(line, 0);
      if (lead < line.size() && line[lead] == '#') {
        pos = next;
        continue;
      }
      if (lead == line.size()) {
        // A whitespace-only line at the very end of the region is the file's end, not a line.
        if (line_end < region.end || !line.empty()) out.empty_continuation_line = true;
        if (line_end >= region.end) break;
        pos = next;
        continue;
      }
    }
    first = false;
    // ([^E])E[ \t]*$  or  ^E[ \t]*$
    size_t k = line.size();
    while (k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\t')) --k;
    bool continues = k > 0 && line[k - 1] == escape && (k == 1 || line[k - 2] != escape);
    size_t keep = continues ? k - 1 : line.size();
    out.text.append(line.data(), keep);
    size_t mapped = out.source_of.size();
    out.source_of.resize(mapped + keep);
    for (size_t i = 0; i < keep; ++i) out.source_of[mapped + i] = static_cast<uint32_t>(pos + i);
    if (!continues || line_end >= region.end) break;
    pos = next;
  }
  return out;
}

}  // namespace msm::syntax
