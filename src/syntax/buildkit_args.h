#pragma once
// BuildKit's per-line parser (frontend/dockerfile/parser), reimplemented as pure functions: one
// logical line in, BuildKit's node fields out. See ../shared/notes/dockerfile-syntax.md §5-§8, §12.
//
// All byte offsets (Piece::begin/end, HeredocMarker::begin/end) index the logical line passed to
// parse_logical_line, also for ONBUILD's nested trigger. Values are what BuildKit reports, which is
// not always the source slice (flags lose quotes, JSON strings are decoded, invalid UTF-8 becomes
// U+FFFD where BuildKit decodes runes).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msm::syntax::buildkit {

// One value BuildKit reports, and the byte range [begin,end) of the logical line it came from.
struct Piece {
  std::string value;
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct HeredocMarker {
  std::string name;
  // Go parses the digits with strconv.ParseUint into a 64-bit uint: `99999999999<<EOF` is a valid
  // marker with that fd, and an overflowing fd saturates to UINT64_MAX. 32 bits could not say so.
  uint64_t fd = 0;
  bool expand = true;
  bool chomp = false;
  uint32_t begin = 0;  // the shell word holding the marker, e.g. `3<<"EOF"`
  uint32_t end = 0;
};

struct LogicalInstruction {
  Piece keyword;             // as written (value keeps the case)
  std::vector<Piece> flags;  // leading --flags, quotes removed/escapes processed as BuildKit does (§5)
  std::vector<Piece> next;   // BuildKit's `next` (§6); for ONBUILD empty, see `nested`
  bool json = false;         // exec form (attributes.json)
  std::unique_ptr<LogicalInstruction> nested;  // ONBUILD's trigger; offsets relative to the SAME outer line
  std::vector<HeredocMarker> heredocs;  // §8; RUN/COPY/ADD non-JSON, and ONBUILD wrapping those (on the outer node)
  std::optional<std::string> error;     // BuildKit parser-level error for this line
};

// escape is '\\' or '`' (the file's escape directive).
LogicalInstruction parse_logical_line(std::string_view line, char escape);

// BuildKit's extractBuilderFlags over `text` (the line after the keyword and its blanks). Piece
// offsets are relative to `text`; rest_begin is where the non-flag rest starts (untrimmed), or
// text.size() when the flags consume everything. BuildKit's flag scanner hard-codes `\` as its
// escape whatever the escape directive says, so `escape` does not change the result.
std::vector<Piece> split_flags(std::string_view text, char escape, uint32_t& rest_begin);

struct JsonArray {
  bool is_json = false;             // a valid JSON array whose elements are all strings
  bool non_string_element = false;  // a valid JSON array with a non-string element (an error)
  std::vector<Piece> items;         // decoded strings; ranges = the string tokens incl. quotes
};
// §7: what BuildKit's parseJSON makes of `text` (leading Unicode whitespace is skipped as BuildKit
// does). Neither flag set means "not JSON": the caller falls back to shell/word form.
JsonArray parse_json_string_array(std::string_view text);

// §8: heredoc markers of a whole logical line (keyword included), escape always `\`. Does not
// check the instruction kind. The second form also reports the error BuildKit raises when a
// marker's delimiter cannot be lexed (then no markers are returned).
std::vector<HeredocMarker> find_heredoc_markers(std::string_view line);
std::vector<HeredocMarker> find_heredoc_markers(std::string_view line, std::optional<std::string>& error);

std::string go_quote(std::string_view s);  // Go strconv.Quote, as used in the Dump (§12)
std::string go_to_lower(std::string_view s);  // Go strings.ToLower (keyword dispatch and Dump)
std::string dump_line(const LogicalInstruction& ins);  // one Dump line, e.g. (from ["--platform=x"] "a" "AS" "b")

}  // namespace msm::syntax::buildkit
