#include "analysis/expansion.h"

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "util/unicode.h"

namespace msm::analysis {
namespace {

// Go's scanner.EOF; never a valid rune. When it ends up in a message (BuildKit formats it with
// string(rune) / %c) the encoder writes it as U+FFFD, as Go does.
constexpr char32_t end_of_input = 0xFFFFFFFFu;
constexpr char32_t byte_order_mark = 0xFEFF;

using util::append_rune;
using util::decode_rune;
using util::DecodedRune;
using util::encode_rune;
using util::is_digit;
using util::is_letter;
using util::is_space;

bool is_special_parameter(char32_t rune) {
  switch (rune) {
    case '@': case '*': case '#': case '?': case '-': case '$': case '!': case '0':
      return true;
    default:
      return false;
  }
}

// The text as runes plus the byte offset of each rune (and of the end), so matches found on
// runes can cut the original bytes.
struct DecodedText {
  std::vector<char32_t> runes;
  std::vector<std::size_t> offsets;
};

DecodedText decode_text(std::string_view text) {
  DecodedText decoded;
  decoded.runes.reserve(text.size());
  decoded.offsets.reserve(text.size() + 1);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const DecodedRune rune = decode_rune(text, pos);
    decoded.runes.push_back(rune.rune);
    decoded.offsets.push_back(pos);
    pos += rune.width;
  }
  decoded.offsets.push_back(pos);
  return decoded;
}

// Go's text/scanner as BuildKit uses it: one rune of lookahead, invalid bytes become U+FFFD,
// and a byte order mark is skipped when it is the very first rune.
class RuneScanner {
 public:
  explicit RuneScanner(std::string_view text) : m_text(text) {
    load();
    if (m_current == byte_order_mark) advance();
  }

  char32_t peek() const { return m_current; }
  bool at_end() const { return m_current == end_of_input; }

  char32_t next() {
    const char32_t current = m_current;
    if (current != end_of_input) advance();
    return current;
  }

 private:
  void load() {
    if (m_pos >= m_text.size()) {
      m_current = end_of_input;
      m_width = 0;
      return;
    }
    const DecodedRune rune = decode_rune(m_text, m_pos);
    m_current = rune.rune;
    m_width = rune.width;
  }

  void advance() {
    m_pos += m_width;
    load();
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  char32_t m_current = end_of_input;
  std::size_t m_width = 0;
};

// ---- Patterns ----------------------------------------------------------------------------
//
// BuildKit turns a pattern into a Go regexp (`*` -> `.*` or `.*?`, `?` -> `.`, everything else
// literal) and takes Go's leftmost-first match. Here the pattern is a list of fixed-width
// segments separated by stars, and the matcher reproduces which match that regexp reports.
// `.` does not match a newline, so neither `?` nor `*` does.

struct GlobAtom {
  char32_t rune;  // the literal rune, unused when `any`
  bool any;       // `?`
};

struct Glob {
  std::vector<std::vector<GlobAtom>> segments = std::vector<std::vector<GlobAtom>>(1);
  bool has_newline = false;  // a literal newline lets one match span lines
  std::size_t stars() const { return segments.size() - 1; }
};

// Returns the error text for an invalid pattern.
std::optional<std::string> compile_glob(std::string_view pattern, Glob& glob) {
  RuneScanner scanner(pattern);
  for (char32_t token = scanner.next(); token != end_of_input; token = scanner.next()) {
    if (token == '*') {
      glob.segments.emplace_back();
      continue;
    }
    if (token == '?') {
      glob.segments.back().push_back({0, true});
      continue;
    }
    if (token == '\\') {
      // `\}` and `\/` only keep the delimiters out of the way of ${...}; the backslash goes.
      const char32_t following = scanner.peek();
      if (following == '}' || following == '/') continue;
      token = scanner.next();
      if (token != '*' && token != '?' && token != '\\') {
        return "invalid escape '\\" + encode_rune(token) + "'";
      }
    }
    if (token == '\n') glob.has_newline = true;
    glob.segments.back().push_back({token, false});
  }
  return std::nullopt;
}

struct MatchSpan {
  std::size_t begin;
  std::size_t end;
};

class GlobMatcher {
 public:
  GlobMatcher(const Glob& glob, const std::vector<char32_t>& text)
      : m_glob(glob), m_text(text), m_size(text.size()) {
    // m_line_end[p]: the first newline at or after p (or the end); a star starting at p stops
    // there.
    m_line_end.resize(m_size + 1);
    m_line_end[m_size] = m_size;
    for (std::size_t p = m_size; p-- > 0;) {
      m_line_end[p] = m_text[p] == '\n' ? p : m_line_end[p + 1];
    }
    if (m_glob.has_newline && m_glob.stars() > 0) build_tables();
  }

  // The end of the match anchored at 0 (BuildKit's `^` + pattern), or nullopt.
  std::optional<std::size_t> match_prefix(bool greedy) const {
    const std::size_t head = m_glob.segments[0].size();
    if (m_glob.has_newline) {
      if (!segment_matches(0, 0, m_size)) return std::nullopt;
      if (m_glob.stars() > 0 && !m_reach_first[head]) return std::nullopt;
      return walk(0, greedy);
    }
    // Without a literal newline the whole match lies on the first line, where stars are free.
    const std::size_t limit = m_line_end[0];
    if (!segment_matches(0, 0, limit)) return std::nullopt;
    if (m_glob.stars() == 0) return head;
    if (greedy) {
      const auto placement = place_latest(head, limit);
      if (!placement) return std::nullopt;
      return placement->end;
    }
    // Lazy stars: each segment at its earliest occurrence, which is what backtracking finds.
    std::size_t pos = head;
    for (std::size_t index = 1; index <= m_glob.stars(); ++index) {
      const std::size_t length = m_glob.segments[index].size();
      bool found = false;
      for (std::size_t at = pos; at + length <= limit; ++at) {
        if (segment_matches(index, at, limit)) {
          pos = at + length;
          found = true;
          break;
        }
      }
      if (!found) return std::nullopt;
    }
    return pos;
  }

  // The leftmost match starting at or after `from`, stars greedy (BuildKit's `/` and `//`).
  std::optional<MatchSpan> find(std::size_t from) const {
    const std::size_t head = m_glob.segments[0].size();
    const std::size_t stars = m_glob.stars();
    if (m_glob.has_newline) {
      for (std::size_t start = from; start <= m_size; ++start) {
        if (!segment_matches(0, start, m_size)) continue;
        if (stars > 0 && !m_reach_first[start + head]) continue;
        return MatchSpan{start, walk(start, true)};
      }
      return std::nullopt;
    }
    std::size_t start = from;
    while (start <= m_size) {
      const std::size_t limit = m_line_end[start];
      if (stars == 0) {
        for (; start + head <= limit; ++start) {
          if (segment_matches(0, start, limit)) return MatchSpan{start, start + head};
        }
      } else if (const auto placement = place_latest(start, limit)) {
        // Greedy stars put every later segment at its latest place on the line, whatever the
        // start, so the leftmost start that leaves room for them wins.
        for (; start + head <= placement->first; ++start) {
          if (segment_matches(0, start, limit)) return MatchSpan{start, placement->end};
        }
      }
      start = limit + 1;
    }
    return std::nullopt;
  }

 private:
  struct Placement {
    std::size_t first;  // where segment 1 starts
    std::size_t end;    // where the last segment ends
  };

  bool segment_matches(std::size_t index, std::size_t at, std::size_t limit) const {
    const std::vector<GlobAtom>& segment = m_glob.segments[index];
    if (at > limit || segment.size() > limit - at) return false;
    for (std::size_t i = 0; i < segment.size(); ++i) {
      const char32_t rune = m_text[at + i];
      if (segment[i].any ? rune == '\n' : rune != segment[i].rune) return false;
    }
    return true;
  }

  // Segments 1..n placed as late as possible within [low, limit), last segment first. That is
  // where greedy stars put them (each star as long as the rest still fits).
  std::optional<Placement> place_latest(std::size_t low, std::size_t limit) const {
    std::size_t bound = limit;
    std::size_t end = limit;
    for (std::size_t index = m_glob.stars(); index >= 1; --index) {
      const std::size_t length = m_glob.segments[index].size();
      if (bound < low || bound - low < length) return std::nullopt;
      bool found = false;
      for (std::size_t at = bound - length + 1; at-- > low;) {
        if (segment_matches(index, at, limit)) {
          if (index == m_glob.stars()) end = at + length;
          bound = at;
          found = true;
          break;
        }
      }
      if (!found) return std::nullopt;
    }
    return Placement{bound, end};
  }

  // For patterns with a literal newline: m_segment_ok[i][q] says segment i can start at q with
  // the rest of the pattern still matchable after it; m_reach_first[p] says a star starting at
  // p can reach a good start of segment 1 without crossing a newline.
  void build_tables() {
    const std::size_t stars = m_glob.stars();
    m_segment_ok.assign(stars + 1, {});
    std::vector<std::uint8_t> reach_next;
    for (std::size_t index = stars; index >= 1; --index) {
      const std::size_t length = m_glob.segments[index].size();
      std::vector<std::uint8_t>& ok = m_segment_ok[index];
      ok.assign(m_size + 1, 0);
      for (std::size_t at = 0; at + length <= m_size; ++at) {
        ok[at] = segment_matches(index, at, m_size) &&
                 (index == stars || reach_next[at + length] != 0);
      }
      std::vector<std::uint8_t> reach(m_size + 1, 0);
      reach[m_size] = ok[m_size];
      for (std::size_t p = m_size; p-- > 0;) {
        reach[p] = ok[p] != 0 || (m_text[p] != '\n' && reach[p + 1] != 0);
      }
      reach_next = std::move(reach);
    }
    m_reach_first = std::move(reach_next);
  }

  // Follows the tables from a feasible start: each star takes the shortest (lazy) or longest
  // (greedy) stretch of its line that still lets the rest match.
  std::size_t walk(std::size_t start, bool greedy) const {
    std::size_t pos = start + m_glob.segments[0].size();
    for (std::size_t index = 1; index <= m_glob.stars(); ++index) {
      const std::vector<std::uint8_t>& ok = m_segment_ok[index];
      const std::size_t line_end = m_line_end[pos];
      std::size_t at = pos;
      if (greedy) {
        at = line_end;
        while (at > pos && ok[at] == 0) --at;
      } else {
        while (at < line_end && ok[at] == 0) ++at;
      }
      pos = at + m_glob.segments[index].size();
    }
    return pos;
  }

  const Glob& m_glob;
  const std::vector<char32_t>& m_text;
  std::size_t m_size;
  std::vector<std::size_t> m_line_end;
  std::vector<std::vector<std::uint8_t>> m_segment_ok;
  std::vector<std::uint8_t> m_reach_first;
};

struct PatternResult {
  std::string value;
  std::optional<std::string> error;
};

PatternResult invalid_pattern(std::string_view pattern, const std::string& reason) {
  return {{}, "invalid pattern (" + std::string(pattern) + ") in substitution: " + reason};
}

// ${v#p} / ${v##p}
PatternResult trim_prefix(std::string_view value, std::string_view pattern, bool greedy) {
  Glob glob;
  if (auto problem = compile_glob(pattern, glob)) return invalid_pattern(pattern, *problem);
  const DecodedText text = decode_text(value);
  const GlobMatcher matcher(glob, text.runes);
  const auto end = matcher.match_prefix(greedy);
  if (!end) return {std::string(value), std::nullopt};
  return {std::string(value.substr(text.offsets[*end])), std::nullopt};
}

// BuildKit reverses the pattern rune by rune but keeps each `\x` pair in order.
std::string reverse_pattern(std::string_view pattern) {
  const std::vector<char32_t> runes = decode_text(pattern).runes;
  std::vector<char32_t> reversed(runes.size());
  const std::size_t last = runes.empty() ? 0 : runes.size() - 1;
  for (std::size_t i = 0; i < runes.size();) {
    const std::size_t out = last - i;
    if (runes[i] == '\\' && i != last) {
      reversed[out - 1] = '\\';
      reversed[out] = runes[i + 1];
      i += 2;
    } else {
      reversed[out] = runes[i];
      ++i;
    }
  }
  std::string text;
  for (const char32_t rune : reversed) append_rune(text, rune);
  return text;
}

// ${v%p} / ${v%%p}: BuildKit reverses value and pattern and trims a prefix. Going through runes
// turns invalid UTF-8 in the value into U+FFFD, match or not; so does this.
PatternResult trim_suffix(std::string_view value, std::string_view pattern, bool greedy) {
  const std::string reversed_pattern = reverse_pattern(pattern);
  Glob glob;
  if (auto problem = compile_glob(reversed_pattern, glob)) {
    return invalid_pattern(reversed_pattern, *problem);
  }
  const std::vector<char32_t> runes = decode_text(value).runes;
  const std::vector<char32_t> reversed(runes.rbegin(), runes.rend());
  const GlobMatcher matcher(glob, reversed);
  const std::size_t cut = matcher.match_prefix(greedy).value_or(0);
  std::string result;
  result.reserve(value.size());
  for (std::size_t i = 0; i + cut < runes.size(); ++i) append_rune(result, runes[i]);
  return {std::move(result), std::nullopt};
}

// Go's Regexp.Expand, which ReplaceAllString applies to the replacement: `$$` is `$`, `$0` and
// `${0}` are the match, any other `$name`/`${name}` is empty (the regexp has no groups), and a
// `$` that starts no valid name stays.
void expand_template(std::string& out, std::string_view replacement, std::string_view match) {
  while (!replacement.empty()) {
    const std::size_t dollar = replacement.find('$');
    if (dollar == std::string_view::npos) break;
    out += replacement.substr(0, dollar);
    replacement.remove_prefix(dollar + 1);
    if (!replacement.empty() && replacement.front() == '$') {
      out += '$';
      replacement.remove_prefix(1);
      continue;
    }
    std::string_view rest = replacement;
    const bool brace = !rest.empty() && rest.front() == '{';
    if (brace) rest.remove_prefix(1);
    std::size_t length = 0;
    while (length < rest.size()) {
      const DecodedRune rune = decode_rune(rest, length);
      if (!is_letter(rune.rune) && !is_digit(rune.rune) && rune.rune != '_') break;
      length += rune.width;
    }
    const bool closed = !brace || (length < rest.size() && rest[length] == '}');
    if (length == 0 || !closed) {
      out += '$';
      continue;
    }
    if (rest.substr(0, length) == "0") out += match;
    replacement = rest.substr(length + (brace ? 1 : 0));
  }
  out += replacement;
}

// ${v/p/r} / ${v//p/r}
PatternResult replace_pattern(std::string_view value, std::string_view pattern,
                              std::string_view replacement, bool replace_all) {
  Glob glob;
  if (auto problem = compile_glob(pattern, glob)) return invalid_pattern(pattern, *problem);
  const DecodedText text = decode_text(value);
  const GlobMatcher matcher(glob, text.runes);
  const auto bytes = [&](std::size_t from, std::size_t to) {
    return value.substr(text.offsets[from], text.offsets[to] - text.offsets[from]);
  };
  const std::size_t size = text.runes.size();
  std::string result;
  if (!replace_all) {
    const auto match = matcher.find(0);
    if (!match) return {std::string(value), std::nullopt};
    result += bytes(0, match->begin);
    result += replacement;
    result += bytes(match->end, size);
    return {std::move(result), std::nullopt};
  }
  // Go's ReplaceAllString: an empty match right after the previous match is not replaced, and
  // the search always moves on by at least one rune.
  std::size_t last_end = 0;
  std::size_t search = 0;
  while (search <= size) {
    const auto match = matcher.find(search);
    if (!match) break;
    result += bytes(last_end, match->begin);
    if (match->end > last_end || match->begin == 0) {
      expand_template(result, replacement, bytes(match->begin, match->end));
    }
    last_end = match->end;
    search = match->end > search ? match->end : search + 1;
  }
  result += bytes(last_end, size);
  return {std::move(result), std::nullopt};
}

// ---- The lexer ---------------------------------------------------------------------------

std::string ascii_upper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

// The functions on the recursion path (scan_text -> dollar -> braced_reference -> nested_scan)
// keep their frames small: names live in m_references, nested words in m_out, and the work
// after a nested scan happens in functions that are not inlined into them.
#define MSM_NOINLINE [[gnu::noinline]]

class Lexer {
 public:
  Lexer(std::string_view input, const VariableLookup& lookup, const ExpansionOptions& options,
        bool split_words)
      : m_scanner(input),
        m_lookup(lookup),
        m_options(options),
        m_escape(static_cast<unsigned char>(options.escape)),
        m_split_words(split_words) {
    m_out.reserve(input.size());
  }

  bool run() {
    if (!scan(end_of_input, m_options.keep_escapes, true)) return false;
    if (!m_field.empty()) m_fields.push_back(std::move(m_field));
    return true;
  }

  std::string take_output() { return std::move(m_out); }
  std::vector<std::string> take_fields() { return std::move(m_fields); }
  const std::string& error() const { return m_error; }

  void collect_references(std::vector<std::string>& referenced,
                          std::vector<std::string>& unset) const {
    std::unordered_set<std::string_view> seen;
    for (const Reference& reference : m_references) {
      if (reference.state == LookupState::pending || reference.name.empty()) continue;
      if (!seen.insert(reference.name).second) continue;
      referenced.push_back(reference.name);
      if (reference.state == LookupState::unset) unset.push_back(reference.name);
    }
  }

 private:
  enum class LookupState { pending, set, unset };

  struct Reference {
    std::string name;
    LookupState state;
  };

  bool fail(const char* message) {
    m_error = message;
    return false;
  }

  MSM_NOINLINE bool fail_with(std::string message) {
    m_error = std::move(message);
    return false;
  }

  MSM_NOINLINE bool fail_unterminated(char32_t stop) {
    return fail_with("unexpected end of statement while looking for matching " + encode_rune(stop));
  }

  MSM_NOINLINE bool fail_unsupported(bool colon, char32_t modifier) {
    return fail_with("unsupported modifier (" + modifier_text(colon, modifier) +
                     ") in substitution");
  }

  // How BuildKit prints the modifier: the rune(s) read after the name, EOF as U+FFFD.
  static std::string modifier_text(bool colon, char32_t modifier) {
    std::string text = colon ? ":" : "";
    append_rune(text, modifier);
    return text;
  }

  // Names are noted where they are written, and marked when BuildKit would look them up
  // (for `${a:-$b}` it looks up b first), so the reported order is the textual one.
  std::size_t note_reference(std::string name) {
    m_references.push_back({std::move(name), LookupState::pending});
    return m_references.size() - 1;
  }

  const std::string& name_of(std::size_t reference) const { return m_references[reference].name; }

  std::optional<std::string> look_up(std::size_t index) {
    Reference& reference = m_references[index];
    std::optional<std::string> value;
    if (m_lookup) {
      value = m_options.case_insensitive_names ? m_lookup(ascii_upper(reference.name))
                                               : m_lookup(reference.name);
    }
    reference.state = value ? LookupState::set : LookupState::unset;
    return value;
  }

  // Scans up to `stop` (consumed) or the end of input, appending the processed text to m_out.
  bool scan(char32_t stop, bool raw_escapes, bool top_level) {
    const bool saved_raw_escapes = m_raw_escapes;
    m_raw_escapes = raw_escapes;
    const bool ok = scan_text(stop, top_level);
    m_raw_escapes = saved_raw_escapes;
    return ok;
  }

  bool scan_text(char32_t stop, bool top_level) {
    const bool quotes = !m_options.literal_quotes;
    const bool fields = top_level && m_split_words;
    while (!m_scanner.at_end()) {
      char32_t rune = m_scanner.peek();
      if (stop != end_of_input && rune == stop) {
        m_scanner.next();
        return true;
      }
      if (rune == '$' || (quotes && (rune == '\'' || rune == '"'))) {
        const std::size_t start = m_out.size();
        const bool ok = rune == '$' ? dollar() : rune == '\'' ? single_quote() : double_quote();
        if (!ok) return false;
        if (fields) add_piece(start, rune == '$');
        continue;
      }
      m_scanner.next();
      if (rune == m_escape) {
        if (m_raw_escapes) {
          append_rune(m_out, rune);
          if (fields) add_raw_rune(rune);
        }
        rune = m_scanner.next();
        if (rune == end_of_input) break;  // a lone escape at the very end disappears
        append_rune(m_out, rune);
        if (fields) add_raw_rune(rune);
      } else {
        append_rune(m_out, rune);
        if (fields) add_field_rune(rune);
      }
    }
    if (stop != end_of_input) return fail_unterminated(stop);
    return true;
  }

  bool nested_scan(char32_t stop, bool raw_escapes) {
    if (m_depth >= max_substitution_depth) {
      return fail("syntax error: substitution nested too deeply");
    }
    // BuildKit's lexer shares one field buffer between nesting levels and clears it whenever a
    // nested scan starts, so ProcessWords loses the part of the field before such a `${...}`
    // (`a${B:-x}c` gives the field `xc`). Reproduced on purpose.
    if (m_split_words) m_field.clear();
    ++m_depth;
    const bool ok = scan(stop, raw_escapes, false);
    --m_depth;
    return ok;
  }

  bool single_quote() {
    m_scanner.next();
    if (m_options.keep_quotes) m_out += '\'';
    for (;;) {
      const char32_t rune = m_scanner.next();
      if (rune == end_of_input) {
        return fail("unexpected end of statement while looking for matching single-quote");
      }
      if (rune == '\'') {
        if (m_options.keep_quotes) m_out += '\'';
        return true;
      }
      append_rune(m_out, rune);
    }
  }

  bool double_quote() {
    m_scanner.next();
    if (m_options.keep_quotes) m_out += '"';
    for (;;) {
      const char32_t peeked = m_scanner.peek();
      if (peeked == end_of_input) {
        return fail("unexpected end of statement while looking for matching double-quote");
      }
      if (peeked == '"') {
        m_scanner.next();
        if (m_options.keep_quotes) m_out += '"';
        return true;
      }
      if (peeked == '$') {
        if (!dollar()) return false;
        continue;
      }
      char32_t rune = m_scanner.next();
      if (rune == m_escape) {
        if (m_raw_escapes) append_rune(m_out, rune);
        const char32_t following = m_scanner.peek();
        if (following == end_of_input) continue;  // reported as the missing closing quote
        // Only `"`, `$` and the escape itself can be escaped; otherwise the escape is literal
        // (and with raw escapes it is then written twice, as BuildKit does).
        if (following == '"' || following == '$' || following == m_escape) rune = m_scanner.next();
      }
      append_rune(m_out, rune);
    }
  }

  std::string read_name() {
    std::string name;
    while (!m_scanner.at_end()) {
      const char32_t rune = m_scanner.peek();
      if (name.empty() && is_digit(rune)) {
        // Positional parameters: all the digits ($12 is one name, unlike POSIX sh).
        while (!m_scanner.at_end() && is_digit(m_scanner.peek())) {
          append_rune(name, m_scanner.next());
        }
        return name;
      }
      if (name.empty() && is_special_parameter(rune)) return encode_rune(m_scanner.next());
      if (!is_letter(rune) && !is_digit(rune) && rune != '_') break;
      append_rune(name, m_scanner.next());
    }
    return name;
  }

  void replace_from(std::size_t start, std::string_view value) {
    m_out.resize(start);
    m_out += value;
  }

  bool dollar() {
    m_scanner.next();
    if (m_scanner.peek() != '{') return simple_reference();
    m_scanner.next();
    return braced_reference();
  }

  // $name
  MSM_NOINLINE bool simple_reference() {
    std::string name = read_name();
    if (name.empty()) {
      m_out += '$';
      return true;
    }
    const std::size_t reference = note_reference(std::move(name));
    const auto value = look_up(reference);
    if (!value && m_options.keep_unset) {
      m_out += '$';
      m_out += name_of(reference);
    } else if (value) {
      m_out += *value;
    }
    return true;
  }

  // ${...}, after the brace.
  bool braced_reference() {
    const char32_t first = m_scanner.peek();
    if (first == end_of_input) return fail("syntax error: missing '}'");
    if (first == '{' || first == '}' || first == ':') return fail("syntax error: bad substitution");
    const std::size_t reference = note_reference(read_name());
    // A missing `}` right after the name reads EOF as the modifier.
    char32_t modifier = m_scanner.next();
    const bool colon = modifier == ':';
    if (colon) {
      modifier = m_scanner.next();
    } else if (modifier == '}') {
      return finish_plain(reference);
    } else if (modifier == '/') {
      return replacement(reference);
    } else if (modifier != '+' && modifier != '-' && modifier != '?' && modifier != '#' &&
               modifier != '%') {
      return fail_unsupported(false, modifier);
    }
    const bool pattern = modifier == '#' || modifier == '%';
    if (colon && pattern) return fail_unsupported(colon, modifier);
    const std::size_t start = m_out.size();
    // After `:` the word is read whatever the modifier is, so a missing `}` beats an
    // unsupported modifier.
    if (!nested_scan('}', pattern)) {
      if (m_scanner.at_end()) m_error = "syntax error: missing '}'";
      return false;
    }
    return finish_modifier(reference, modifier, colon, start);
  }

  // ${v/p/r} and ${v//p/r}, after the first slash.
  bool replacement(std::size_t reference) {
    const bool replace_all = m_scanner.peek() == '/';
    if (replace_all) m_scanner.next();
    const std::size_t start = m_out.size();
    if (!nested_scan('/', true)) {
      if (m_scanner.at_end()) m_error = "syntax error: missing '/' in ${}";
      return false;
    }
    const std::size_t middle = m_out.size();
    if (!nested_scan('}', true)) {
      if (m_scanner.at_end()) m_error = "syntax error: missing '}'";
      return false;
    }
    return finish_replacement(reference, replace_all, start, middle);
  }

  MSM_NOINLINE bool finish_plain(std::size_t reference) {
    const auto value = look_up(reference);
    if (!value && m_options.keep_unset) {
      m_out += "${" + name_of(reference) + "}";
    } else if (value) {
      m_out += *value;
    }
    return true;
  }

  // The word of ${v<modifier>word} is m_out[start:].
  MSM_NOINLINE bool finish_modifier(std::size_t reference, char32_t modifier, bool colon,
                                    std::size_t start) {
    const auto value = look_up(reference);
    const std::string& name = name_of(reference);
    if (!value && m_options.keep_unset) {
      const std::string word = m_out.substr(start);
      replace_from(start, "${" + name + modifier_text(colon, modifier) + word + "}");
      return true;
    }
    const bool unset_or_null = !value || (colon && value->empty());
    switch (modifier) {
      case '-':
        if (!unset_or_null) replace_from(start, *value);
        return true;
      case '+':
        if (unset_or_null) m_out.resize(start);
        return true;
      case '?':
        if (unset_or_null) {
          std::string message = m_out.substr(start);
          if (message.empty()) {
            message = value ? "is not allowed to be empty" : "is not allowed to be unset";
          }
          return fail_with(name + ": " + message);
        }
        replace_from(start, *value);
        return true;
      case '#':
      case '%': {
        const std::string word = m_out.substr(start);
        std::string_view text = word;
        // The doubling is checked after expansion, so `${v#$P}` with P=`#x` is `${v##x}`.
        const bool greedy = !text.empty() && static_cast<unsigned char>(text.front()) == modifier;
        if (greedy) text.remove_prefix(1);
        const std::string current = value.value_or(std::string());
        PatternResult result = modifier == '%' ? trim_suffix(current, text, greedy)
                                               : trim_prefix(current, text, greedy);
        if (result.error) return fail_with(std::move(*result.error));
        replace_from(start, result.value);
        return true;
      }
      default:
        return fail_unsupported(colon, modifier);
    }
  }

  // The pattern is m_out[start:middle], the replacement m_out[middle:].
  MSM_NOINLINE bool finish_replacement(std::size_t reference, bool replace_all, std::size_t start,
                                       std::size_t middle) {
    const std::string pattern = m_out.substr(start, middle - start);
    const std::string replacement_text = m_out.substr(middle);
    m_out.resize(start);
    const auto value = look_up(reference);
    if (!value && m_options.keep_unset) {
      // BuildKit writes a single `/` here even for `//`.
      m_out += "${" + name_of(reference) + "/" + pattern + "/" + replacement_text + "}";
      return true;
    }
    PatternResult result =
        replace_pattern(value.value_or(std::string()), pattern, replacement_text, replace_all);
    if (result.error) return fail_with(std::move(*result.error));
    m_out += result.value;
    return true;
  }

  // ---- fields for expand_words (BuildKit's wordsStruct) ----

  // Text from `$` splits on whitespace; text from quotes does not.
  MSM_NOINLINE void add_piece(std::size_t start, bool split) {
    const std::string_view piece = std::string_view(m_out).substr(start);
    if (!split) {
      m_field += piece;
      m_in_field = true;
      return;
    }
    std::size_t pos = 0;
    while (pos < piece.size()) {
      const DecodedRune rune = decode_rune(piece, pos);
      add_field_rune(rune.rune);
      pos += rune.width;
    }
  }

  void add_field_rune(char32_t rune) {
    if (!is_space(rune)) {
      append_rune(m_field, rune);
      m_in_field = true;
    } else if (m_in_field && !m_field.empty()) {
      m_fields.push_back(std::move(m_field));
      m_field.clear();
      m_in_field = false;
    }
  }

  void add_raw_rune(char32_t rune) {
    append_rune(m_field, rune);
    m_in_field = true;
  }

  RuneScanner m_scanner;
  const VariableLookup& m_lookup;
  const ExpansionOptions& m_options;
  char32_t m_escape;
  bool m_split_words;
  bool m_raw_escapes = false;
  std::size_t m_depth = 0;
  std::string m_out;
  std::string m_error;
  std::vector<Reference> m_references;
  std::vector<std::string> m_fields;
  std::string m_field;
  bool m_in_field = false;
};

#undef MSM_NOINLINE

}  // namespace

Expansion expand_word(std::string_view word, const VariableLookup& lookup,
                      const ExpansionOptions& options) {
  Lexer lexer(word, lookup, options, false);
  Expansion result;
  if (lexer.run()) {
    result.value = lexer.take_output();
  } else {
    result.error = lexer.error();
  }
  lexer.collect_references(result.referenced, result.unset);
  return result;
}

WordsExpansion expand_words(std::string_view text, const VariableLookup& lookup,
                            const ExpansionOptions& options) {
  Lexer lexer(text, lookup, options, true);
  WordsExpansion result;
  if (lexer.run()) {
    result.words = lexer.take_fields();
  } else {
    result.error = lexer.error();
  }
  lexer.collect_references(result.referenced, result.unset);
  return result;
}

VariableLookup lookup_from(std::vector<std::pair<std::string, std::string>> vars,
                           bool case_insensitive) {
  auto table = std::make_shared<std::unordered_map<std::string, std::string>>();
  for (auto& [name, value] : vars) {
    (*table)[case_insensitive ? ascii_upper(name) : std::move(name)] = std::move(value);
  }
  return [table, case_insensitive](std::string_view name) -> std::optional<std::string> {
    const auto found = table->find(case_insensitive ? ascii_upper(name) : std::string(name));
    if (found == table->end()) return std::nullopt;
    return found->second;
  };
}

}  // namespace msm::analysis
