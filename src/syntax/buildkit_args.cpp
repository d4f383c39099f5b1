#include "syntax/buildkit_args.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "util/unicode.h"

// Everything here mirrors Go code paths of BuildKit's Dockerfile parser byte for byte, so the
// helpers are named after the Go functions whose behaviour they reproduce (TrimSpace, IsSpace,
// DecodeRune, strconv.Quote, ...). Runes are decoded, encoded and classified by util/unicode.h,
// which answers as Go does.

namespace msm::syntax::buildkit {
namespace {

using util::append_rune;
using util::decode_last_rune;
using util::decode_rune;
using util::DecodedRune;
using util::is_digit;
using util::is_letter;
using util::is_print;
using util::is_space;
using util::replacement_rune;
using util::to_lower;

constexpr int32_t kEof = -1;

// unicode.IsSpace(rune(b)) on a single byte: BuildKit's byte-wise scanners treat 0x85 and 0xA0
// as blanks even when they are UTF-8 continuation bytes.
bool is_byte_space(unsigned char b) { return is_space(b); }

// The keyword separator and whitespace-delimited argument splitter: regexp `[\t\v\f\r ]+`.
bool is_ascii_blank(unsigned char b) { return b == ' ' || b == '\t' || b == '\v' || b == '\f' || b == '\r'; }

// strings.TrimSpace over [begin,end) of s, Unicode-aware; invalid UTF-8 is never trimmed.
void trim_space(std::string_view s, uint32_t& begin, uint32_t& end) {
  while (begin < end) {
    const DecodedRune rr = decode_rune(s.substr(0, end), begin);
    if (!is_space(rr.rune)) break;
    begin += rr.width;
  }
  while (end > begin) {
    const DecodedRune rr = decode_last_rune(s.substr(begin, end - begin));
    if (!is_space(rr.rune)) break;
    end -= rr.width;
  }
}

uint32_t u32(size_t v) { return static_cast<uint32_t>(v); }

Piece make_piece(std::string value, size_t begin, size_t end) { return Piece{std::move(value), u32(begin), u32(end)}; }

Piece slice_piece(std::string_view line, size_t begin, size_t end) {
  return Piece{std::string(line.substr(begin, end - begin)), u32(begin), u32(end)};
}

// ---------------------------------------------------------------------------------------------
// §5 flags: extractBuilderFlags scans bytes, so every byte >= 0x80 becomes the rune of the same
// value (Latin-1 mojibake) and 0x85/0xA0 are blanks.

void append_latin1(std::string& out, unsigned char b) { append_rune(out, b); }

std::vector<Piece> split_flags_at(std::string_view line, uint32_t begin, uint32_t end, uint32_t& rest_begin) {
  enum class Phase { spaces, word, quote };
  std::vector<Piece> flags;
  Phase phase = Phase::spaces;
  std::string word;
  unsigned char quote = 0;
  bool blank_ok = false;
  uint32_t word_begin = begin;
  for (uint32_t pos = begin; pos <= end; ++pos) {
    unsigned char ch = pos != end ? static_cast<unsigned char>(line[pos]) : 0;
    if (phase == Phase::spaces) {
      if (pos == end) break;
      if (is_byte_space(ch)) continue;
      if (ch != '-' || pos + 1 == end || line[pos + 1] != '-') {
        rest_begin = pos;
        return flags;
      }
      phase = Phase::word;
      word_begin = pos;
    }
    if (pos == end) {
      if (word != "--" && (blank_ok || !word.empty())) flags.push_back(make_piece(std::move(word), word_begin, pos));
      break;
    }
    if (phase == Phase::word) {
      if (is_byte_space(ch)) {
        phase = Phase::spaces;
        if (word == "--") {
          rest_begin = pos;
          return flags;
        }
        if (blank_ok || !word.empty()) flags.push_back(make_piece(word, word_begin, pos));
        word.clear();
        blank_ok = false;
        continue;
      }
      if (ch == '\'' || ch == '"') {
        quote = ch;
        blank_ok = true;
        phase = Phase::quote;
        continue;
      }
      if (ch == '\\') {
        if (pos + 1 == end) continue;  // a trailing backslash is dropped
        ch = static_cast<unsigned char>(line[++pos]);
      }
      append_latin1(word, ch);
      continue;
    }
    // Phase::quote
    if (ch == quote) {
      phase = Phase::word;
      continue;
    }
    if (ch == '\\') {
      if (pos + 1 == end) {
        phase = Phase::word;
        continue;
      }
      ch = static_cast<unsigned char>(line[++pos]);
    }
    append_latin1(word, ch);
  }
  rest_begin = end;
  return flags;
}

// ---------------------------------------------------------------------------------------------
// §7 JSON: encoding/json's syntax check, then its decoding into []any.

bool is_json_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class JsonScanner {
 public:
  explicit JsonScanner(std::string_view s, size_t pos) : s_(s), i_(pos) {}

  size_t pos() const { return i_; }
  bool at_end() const { return i_ >= s_.size(); }
  char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  void advance() { ++i_; }
  void skip_ws() {
    while (i_ < s_.size() && is_json_ws(s_[i_])) ++i_;
  }
  // A number whose float64 conversion overflows makes Unmarshal fail (so: not JSON), even
  // though the text is valid JSON.
  bool overflow() const { return overflow_; }

  // A string token starting at '"'; decoded as encoding/json's unquote does when `out` is set.
  bool string(std::string* out) {
    ++i_;  // opening quote
    const size_t n = s_.size();
    while (i_ < n) {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (i_ + 1 >= n) return false;
        const char e = s_[i_ + 1];
        char plain = 0;
        switch (e) {
          case '"': plain = '"'; break;
          case '\\': plain = '\\'; break;
          case '/': plain = '/'; break;
          case 'b': plain = '\b'; break;
          case 'f': plain = '\f'; break;
          case 'n': plain = '\n'; break;
          case 'r': plain = '\r'; break;
          case 't': plain = '\t'; break;
          case 'u': break;
          default: return false;
        }
        if (e != 'u') {
          if (out) *out += plain;
          i_ += 2;
          continue;
        }
        const int32_t rr = u4(i_);
        if (rr < 0) return false;
        i_ += 6;
        if (!out) continue;
        char32_t r = static_cast<char32_t>(rr);
        if (r >= 0xD800 && r < 0xE000) {
          // A valid surrogate pair is consumed whole; anything else leaves U+FFFD and the next
          // escape is decoded on its own.
          const int32_t rr1 = u4(i_);
          if (r < 0xDC00 && rr1 >= 0xDC00 && rr1 < 0xE000) {
            r = 0x10000 + ((r - 0xD800) << 10) + (static_cast<char32_t>(rr1) - 0xDC00);
            i_ += 6;
          } else {
            r = replacement_rune;
          }
        }
        append_rune(*out, r);
        continue;
      }
      if (c < 0x80) {
        if (out) *out += static_cast<char>(c);
        ++i_;
        continue;
      }
      const DecodedRune rr = decode_rune(s_, i_);
      if (out) {
        if (rr.rune == replacement_rune && rr.width == 1)
          append_rune(*out, replacement_rune);
        else
          out->append(s_.substr(i_, rr.width));
      }
      i_ += rr.width;
    }
    return false;
  }

  // Any JSON value (not decoded). `depth` counts the containers already open around it.
  bool value(int depth) {
    // Containers are tracked on an explicit stack: Go accepts 10000 levels, too deep to recurse.
    std::vector<char> closers;
    for (;;) {
      skip_ws();
      const char c = peek();
      if (c == '[' || c == '{') {
        ++i_;
        closers.push_back(c == '[' ? ']' : '}');
        if (depth + static_cast<int>(closers.size()) > kMaxDepth) return false;
        skip_ws();
        if (peek() != closers.back()) {
          if (closers.back() == '}' && !key()) return false;
          continue;  // the first element
        }
        ++i_;
        closers.pop_back();
      } else if (!scalar()) {
        return false;
      }
      // A value is complete: close containers until one continues with a comma.
      for (;;) {
        if (closers.empty()) return true;
        skip_ws();
        const char d = peek();
        if (d == ',') {
          ++i_;
          if (closers.back() == '}') {
            skip_ws();
            if (!key()) return false;
          }
          break;
        }
        if (d != closers.back()) return false;
        ++i_;
        closers.pop_back();
      }
    }
  }

  static constexpr int kMaxDepth = 10000;

 private:
  // An object key and its colon.
  bool key() {
    if (peek() != '"' || !string(nullptr)) return false;
    skip_ws();
    if (peek() != ':') return false;
    ++i_;
    return true;
  }

  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  bool scalar() {
    const char c = peek();
    if (c == '"') return string(nullptr);
    if (c == 't') return literal("true");
    if (c == 'f') return literal("false");
    if (c == 'n') return literal("null");
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    return false;
  }

  bool digit_at(size_t k) const { return k < s_.size() && s_[k] >= '0' && s_[k] <= '9'; }

  bool number() {
    const size_t start = i_;
    if (peek() == '-') ++i_;
    if (!digit_at(i_)) return false;
    if (s_[i_] == '0') {
      ++i_;
    } else {
      while (digit_at(i_)) ++i_;
    }
    if (peek() == '.') {
      ++i_;
      if (!digit_at(i_)) return false;
      while (digit_at(i_)) ++i_;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++i_;
      if (peek() == '+' || peek() == '-') ++i_;
      if (!digit_at(i_)) return false;
      while (digit_at(i_)) ++i_;
    }
    const std::string text(s_.substr(start, i_ - start));
    if (std::isinf(std::strtod(text.c_str(), nullptr))) overflow_ = true;
    return true;
  }

  int32_t u4(size_t at) const {
    if (at + 6 > s_.size() || s_[at] != '\\' || s_[at + 1] != 'u') return -1;
    int32_t v = 0;
    for (size_t k = at + 2; k < at + 6; ++k) {
      const int h = hex_value(s_[k]);
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    return v;
  }

  std::string_view s_;
  size_t i_;
  bool overflow_ = false;
};

constexpr std::string_view kNotStringArray = "when using JSON array syntax, arrays must be comprised of strings only";

// parseJSON over line[begin,end); item ranges are absolute.
JsonArray parse_json_array_at(std::string_view line, uint32_t begin, uint32_t end) {
  const std::string_view s = line.substr(0, end);
  uint32_t b = begin;
  while (b < end) {  // strings.TrimLeftFunc(rest, unicode.IsSpace)
    const DecodedRune rr = decode_rune(s, b);
    if (!is_space(rr.rune)) break;
    b += rr.width;
  }
  if (b == end || s[b] != '[') return {};
  JsonScanner sc(s, b + 1);
  std::vector<Piece> items;
  bool non_string = false;
  sc.skip_ws();
  if (sc.peek() == ']') {
    sc.advance();
  } else {
    for (;;) {
      sc.skip_ws();
      if (sc.peek() == '"') {
        const size_t item_begin = sc.pos();
        std::string value;
        if (!sc.string(&value)) return {};
        items.push_back(make_piece(std::move(value), item_begin, sc.pos()));
      } else {
        non_string = true;
        if (!sc.value(1)) return {};
      }
      sc.skip_ws();
      if (sc.peek() == ',') {
        sc.advance();
        continue;
      }
      if (sc.peek() != ']') return {};
      sc.advance();
      break;
    }
  }
  sc.skip_ws();
  if (!sc.at_end() || sc.overflow()) return {};
  JsonArray out;
  if (non_string) {
    out.non_string_element = true;
  } else {
    out.is_json = true;
    out.items = std::move(items);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// §6 quote-aware words (parseWords, for ENV/LABEL/ARG): runes, Unicode whitespace, quotes kept.

struct QuotedWord {
  std::string text;
  uint32_t begin = 0;
  uint32_t end = 0;
  size_t eq_index = std::string::npos;  // first '=' in text, and where it came from
  uint32_t eq_pos = 0;
};

std::vector<QuotedWord> parse_words(std::string_view line, uint32_t begin, uint32_t end, char escape) {
  enum class Phase { spaces, word, quote };
  const std::string_view s = line.substr(0, end);
  const auto esc = static_cast<char32_t>(static_cast<unsigned char>(escape));
  std::vector<QuotedWord> words;
  Phase phase = Phase::spaces;
  char32_t quote = 0;
  bool blank_ok = false;
  QuotedWord cur;
  char32_t ch = 0;
  uint32_t width = 0;
  auto write = [&](char32_t r, uint32_t at) {
    if (r == '=' && cur.eq_index == std::string::npos) {
      cur.eq_index = cur.text.size();
      cur.eq_pos = at;
    }
    append_rune(cur.text, r);
  };
  auto decode_at = [&](uint32_t at) {
    const DecodedRune rr = decode_rune(s, at);
    ch = rr.rune;
    width = rr.width;
  };
  auto flush = [&](uint32_t at) {
    if (blank_ok || !cur.text.empty()) {
      cur.end = at;
      words.push_back(std::move(cur));
    }
    cur = QuotedWord{};
    blank_ok = false;
  };
  for (uint32_t pos = begin; pos <= end; pos += width) {
    if (pos != end) decode_at(pos);
    if (phase == Phase::spaces) {
      if (pos == end) break;
      if (is_space(ch)) continue;
      phase = Phase::word;
      cur.begin = pos;
    }
    if (pos == end) {
      flush(pos);
      break;
    }
    if (phase == Phase::word) {
      if (is_space(ch)) {
        phase = Phase::spaces;
        flush(pos);
        continue;
      }
      if (ch == '\'' || ch == '"') {
        quote = ch;
        blank_ok = true;
        phase = Phase::quote;
      }
      if (ch == esc) {
        if (pos + width == end) continue;  // an escape at the very end is dropped
        // Outside quotes the escape and the escaped character are both kept, even a quote.
        write(ch, pos);
        pos += width;
        decode_at(pos);
      }
      write(ch, pos);
      continue;
    }
    if (ch == quote) phase = Phase::word;
    if (ch == esc && quote != '\'') {
      if (pos + width == end) {
        phase = Phase::word;
        continue;
      }
      write(ch, pos);
      pos += width;
      decode_at(pos);
    }
    write(ch, pos);
  }
  return words;
}

// ---------------------------------------------------------------------------------------------
// §8 heredoc markers: BuildKit's shell.Lex (ProcessWords) with escape `\`, SkipUnsetEnv and no
// variables, so every expansion reproduces its source text. Quirks kept on purpose:
//  * `<<` followed by blanks/tabs/CRs is one token, so `<<  EOF` stays a single word;
//  * a `${name<op>...}` runs a nested word scan that clears the word buffer the outer scan is
//    filling (BuildKit shares one buffer), so text of the current word before it is lost;
//  * any lexing error (unclosed quote, bad `${`) drops every heredoc of the line.

class ShellLexer {
 public:
  struct Word {
    std::string text;
    uint32_t begin = 0;
    uint32_t end = 0;
  };

  ShellLexer(std::string_view src, bool raw_quotes, bool raw_escapes)
      : src_(src), raw_quotes_(raw_quotes), raw_escapes_(raw_escapes) {
    if (peek() == 0xFEFF) next();  // text/scanner skips a leading byte order mark
  }

  bool process_words(std::vector<Word>& words, std::string& error) {
    std::string result;
    std::string err;
    if (!process_stop_on(kEof, raw_escapes_, result, &words, err)) {
      error = "failed to process " + go_quote(src_) + ": " + err;
      words.clear();
      return false;
    }
    return true;
  }

 private:
  struct WordsState {
    std::vector<Word> words;
    bool in_word = false;
  };

  int32_t peek() const {
    if (pos_ >= src_.size()) return kEof;
    return static_cast<int32_t>(decode_rune(src_, pos_).rune);
  }
  int32_t next() {
    if (pos_ >= src_.size()) return kEof;
    const DecodedRune rr = decode_rune(src_, pos_);
    pos_ += rr.width;
    return static_cast<int32_t>(rr.rune);
  }
  // The lexer's runes are Go's int32 with EOF as -1; util's encoder writes EOF (like any
  // non-rune) as U+FFFD, as Go's WriteRune and string(rune) do.
  static void append_rune(std::string& out, int32_t r) { util::append_rune(out, static_cast<char32_t>(r)); }
  static std::string rune_string(int32_t r) { return util::encode_rune(static_cast<char32_t>(r)); }

  void push_word(WordsState& ws) {
    ws.words.push_back(Word{buf_, buf_begin_, buf_end_});
    buf_.clear();
    ws.in_word = false;
  }
  void add_raw_char(WordsState& ws, int32_t r, size_t at, size_t end) {
    if (buf_.empty()) buf_begin_ = u32(at);
    append_rune(buf_, r);
    buf_end_ = u32(end);
    ws.in_word = true;
  }
  void add_char(WordsState& ws, int32_t r, size_t at, size_t end) {
    const bool space = is_space(static_cast<char32_t>(r));
    if (space && ws.in_word) {
      if (!buf_.empty()) push_word(ws);
    } else if (!space) {
      add_raw_char(ws, r, at, end);
    }
  }
  void add_string(WordsState& ws, std::string_view s, size_t at, size_t end) {
    for (size_t i = 0; i < s.size();) {
      const DecodedRune rr = decode_rune(s, i);
      add_char(ws, static_cast<int32_t>(rr.rune), at, end);
      i += rr.width;
    }
  }
  void add_raw_string(WordsState& ws, std::string_view s, size_t at, size_t end) {
    if (!s.empty()) {
      if (buf_.empty()) buf_begin_ = u32(at);
      buf_ += s;
      buf_end_ = u32(end);
    }
    ws.in_word = true;
  }
  void get_words(WordsState& ws) {
    if (!buf_.empty()) push_word(ws);
  }

  bool process_stop_on(int32_t stop, bool raw_escapes, std::string& result, std::vector<Word>* words_out,
                       std::string& err) {
    buf_.clear();
    WordsState ws;
    const bool saved_raw_escapes = raw_escapes_;
    raw_escapes_ = raw_escapes;
    const bool ok = stop_on_loop(stop, result, ws, err);
    raw_escapes_ = saved_raw_escapes;
    if (ok && words_out) *words_out = std::move(ws.words);
    return ok;
  }

  bool stop_on_loop(int32_t stop, std::string& result, WordsState& ws, std::string& err) {
    while (peek() != kEof) {
      const size_t at = pos_;
      int32_t ch = peek();
      if (stop != kEof && ch == stop) {
        next();
        get_words(ws);
        return true;
      }
      if (ch == '$' || ch == '<' || ch == '\'' || ch == '"') {
        std::string tmp;
        bool ok = true;
        if (ch == '$')
          ok = process_dollar(tmp, err);
        else if (ch == '<')
          process_possible_heredoc(tmp);
        else if (ch == '\'')
          ok = process_single_quote(tmp, err);
        else
          ok = process_double_quote(tmp, err);
        if (!ok) return false;
        result += tmp;
        if (ch == '$')
          add_string(ws, tmp, at, pos_);
        else
          add_raw_string(ws, tmp, at, pos_);
        continue;
      }
      ch = next();
      if (ch == '\\') {
        if (raw_escapes_) {
          add_raw_char(ws, ch, at, pos_);
          append_rune(result, ch);
        }
        ch = next();
        if (ch == kEof) break;
        add_raw_char(ws, ch, at, pos_);
      } else {
        add_char(ws, ch, at, pos_);
      }
      append_rune(result, ch);
    }
    if (stop != kEof) {
      err = "unexpected end of statement while looking for matching " + rune_string(stop);
      return false;
    }
    get_words(ws);
    return true;
  }

  bool process_single_quote(std::string& out, std::string& err) {
    int32_t ch = next();
    if (raw_quotes_) append_rune(out, ch);
    for (;;) {
      ch = next();
      if (ch == kEof) {
        err = "unexpected end of statement while looking for matching single-quote";
        return false;
      }
      if (ch == '\'') {
        if (raw_quotes_) append_rune(out, ch);
        return true;
      }
      append_rune(out, ch);
    }
  }

  bool process_double_quote(std::string& out, std::string& err) {
    int32_t ch = next();
    if (raw_quotes_) append_rune(out, ch);
    for (;;) {
      const int32_t p = peek();
      if (p == kEof) {
        err = "unexpected end of statement while looking for matching double-quote";
        return false;
      }
      if (p == '"') {
        ch = next();
        if (raw_quotes_) append_rune(out, ch);
        return true;
      }
      if (p == '$') {
        std::string value;
        if (!process_dollar(value, err)) return false;
        out += value;
        continue;
      }
      ch = next();
      if (ch == '\\') {
        if (raw_escapes_) append_rune(out, ch);
        const int32_t q = peek();
        if (q == kEof) continue;  // reported as the missing closing quote
        if (q == '"' || q == '$' || q == '\\') ch = next();
      }
      append_rune(out, ch);
    }
  }

  static bool is_special_param(int32_t r) {
    switch (r) {
      case '@': case '*': case '#': case '?': case '-': case '$': case '!': case '0':
        return true;
      default:
        return false;
    }
  }

  std::string process_name() {
    std::string name;
    while (peek() != kEof) {
      const int32_t ch = peek();
      const auto r = static_cast<char32_t>(ch);
      if (name.empty() && is_digit(r)) {
        while (peek() != kEof && is_digit(static_cast<char32_t>(peek()))) append_rune(name, next());
        return name;
      }
      if (name.empty() && is_special_param(ch)) {
        next();
        return rune_string(ch);
      }
      if (!is_letter(r) && !is_digit(r) && ch != '_') break;
      append_rune(name, next());
    }
    return name;
  }

  bool process_dollar(std::string& out, std::string& err) {
    next();  // '$'
    if (peek() != '{') {
      out = "$" + process_name();  // unset and kept as written (SkipUnsetEnv)
      return true;
    }
    next();  // '{'
    const int32_t first = peek();
    if (first == kEof) {
      err = "syntax error: missing '}'";
      return false;
    }
    if (first == '{' || first == '}' || first == ':') {
      err = "syntax error: bad substitution";
      return false;
    }
    const std::string name = process_name();
    int32_t ch = next();
    std::string chs = rune_string(ch);
    if (ch == '}') {
      out = "${" + name + "}";
      return true;
    }
    bool modifier = ch == '+' || ch == '-' || ch == '?' || ch == '#' || ch == '%';
    bool null_is_unset = false;
    if (ch == ':') {
      // Go falls through into the modifier case whatever follows the colon.
      null_is_unset = true;
      ch = next();
      chs += rune_string(ch);
      modifier = true;
    }
    if (modifier) {
      const bool raw = ch == '#' || ch == '%';
      if (null_is_unset && raw) {
        err = "unsupported modifier (" + chs + ") in substitution";
        return false;
      }
      std::string word;
      if (!process_stop_on('}', raw, word, nullptr, err)) {
        if (peek() == kEof) err = "syntax error: missing '}'";
        return false;
      }
      out = "${" + name + chs + word + "}";
      return true;
    }
    if (ch == '/') {
      if (peek() == '/') next();  // replace-all; not reproduced in the kept text, as in BuildKit
      std::string pattern;
      std::string replacement;
      if (!process_stop_on('/', true, pattern, nullptr, err)) {
        if (peek() == kEof) err = "syntax error: missing '/' in ${}";
        return false;
      }
      if (!process_stop_on('}', true, replacement, nullptr, err)) {
        if (peek() == kEof) err = "syntax error: missing '}'";
        return false;
      }
      out = "${" + name + "/" + pattern + "/" + replacement + "}";
      return true;
    }
    err = "unsupported modifier (" + chs + ") in substitution";
    return false;
  }

  void process_possible_heredoc(std::string& out) {
    next();
    if (peek() != '<') {
      out = "<";
      return;
    }
    next();
    out = "<<";
    while (peek() == '\t' || peek() == '\r' || peek() == ' ') append_rune(out, next());
  }

  std::string_view src_;
  size_t pos_ = 0;
  bool raw_quotes_;
  bool raw_escapes_;
  // BuildKit's single shared word buffer, and where its current content came from.
  std::string buf_;
  uint32_t buf_begin_ = 0;
  uint32_t buf_end_ = 0;
};

size_t count_quotes(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return c == '\'' || c == '"'; }));
}

// Matches `^(\d*)<<(-?)\s*([^<]*)$` (RE2: \d is ASCII, \s is [\t\n\f\r ]).
bool match_heredoc_word(std::string_view w, uint64_t& fd, bool& chomp, std::string_view& rest) {
  size_t i = 0;
  fd = 0;
  bool saturated = false;
  while (i < w.size() && w[i] >= '0' && w[i] <= '9') {
    const auto d = static_cast<uint64_t>(w[i] - '0');
    if (fd > (UINT64_MAX - d) / 10) saturated = true;  // strconv.ParseUint returns the max on overflow
    if (!saturated) fd = fd * 10 + d;
    ++i;
  }
  if (saturated) fd = UINT64_MAX;
  if (w.substr(i, 2) != "<<") return false;
  i += 2;
  chomp = i < w.size() && w[i] == '-';
  if (chomp) ++i;
  while (i < w.size() && (w[i] == '\t' || w[i] == '\n' || w[i] == '\f' || w[i] == '\r' || w[i] == ' ')) ++i;
  rest = w.substr(i);
  return rest.find('<') == std::string_view::npos;
}

// heredocFromMatch: the delimiter is lexed twice, without and with quotes kept; a differing
// number of quote characters means part of it was quoted, which turns expansion off.
bool heredoc_from_word(const ShellLexer::Word& word, std::optional<HeredocMarker>& marker, std::string& error) {
  uint64_t fd = 0;
  bool chomp = false;
  std::string_view rest;
  if (!match_heredoc_word(word.text, fd, chomp, rest) || rest.empty()) return true;
  std::vector<ShellLexer::Word> plain;
  if (!ShellLexer(rest, false, false).process_words(plain, error)) return false;
  if (plain.size() != 1) return true;
  std::vector<ShellLexer::Word> raw;
  if (!ShellLexer(rest, true, false).process_words(raw, error)) return false;
  if (raw.size() != plain.size()) {
    error = "internal lexing of heredoc produced inconsistent results: " + std::string(rest);
    return false;
  }
  HeredocMarker m;
  m.expand = count_quotes(plain[0].text) == count_quotes(raw[0].text);
  m.name = std::move(plain[0].text);
  m.fd = fd;
  m.chomp = chomp;
  m.begin = word.begin;
  m.end = word.end;
  marker = std::move(m);
  return true;
}

// ---------------------------------------------------------------------------------------------
// §6 per-instruction argument models.

enum class Kind {
  add, arg, cmd, copy, entrypoint, env, expose, from, healthcheck, label, maintainer, onbuild, run, shell,
  stopsignal, user, volume, workdir, unknown
};

Kind kind_of(std::string_view lower) {
  struct Entry {
    std::string_view name;
    Kind kind;
  };
  static constexpr Entry kTable[] = {
      {"add", Kind::add},
      {"arg", Kind::arg},
      {"cmd", Kind::cmd},
      {"copy", Kind::copy},
      {"entrypoint", Kind::entrypoint},
      {"env", Kind::env},
      {"expose", Kind::expose},
      {"from", Kind::from},
      {"healthcheck", Kind::healthcheck},
      {"label", Kind::label},
      {"maintainer", Kind::maintainer},
      {"onbuild", Kind::onbuild},
      {"run", Kind::run},
      {"shell", Kind::shell},
      {"stopsignal", Kind::stopsignal},
      {"user", Kind::user},
      {"volume", Kind::volume},
      {"workdir", Kind::workdir},
  };
  for (const Entry& e : kTable)
    if (e.name == lower) return e.kind;
  return Kind::unknown;
}

// parseStringsWhitespaceDelimited: [begin,end) is already trimmed.
void split_blank_words(std::string_view line, uint32_t begin, uint32_t end, std::vector<Piece>& out) {
  uint32_t i = begin;
  while (i < end) {
    const uint32_t w = i;
    while (i < end && !is_ascii_blank(static_cast<unsigned char>(line[i]))) ++i;
    out.push_back(slice_piece(line, w, i));
    while (i < end && is_ascii_blank(static_cast<unsigned char>(line[i]))) ++i;
  }
}

// parseMaybeJSON (RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK's command).
void maybe_json(std::string_view line, uint32_t begin, uint32_t end, LogicalInstruction& ins) {
  if (begin == end) return;
  JsonArray j = parse_json_array_at(line, begin, end);
  if (j.non_string_element) {
    ins.error = std::string(kNotStringArray);
    return;
  }
  if (j.is_json) {
    ins.json = true;
    for (Piece& p : j.items) ins.next.push_back(std::move(p));
    return;
  }
  ins.next.push_back(slice_piece(line, begin, end));
}

// parseMaybeJSONToList (COPY, ADD, VOLUME).
void maybe_json_to_list(std::string_view line, uint32_t begin, uint32_t end, LogicalInstruction& ins) {
  JsonArray j = parse_json_array_at(line, begin, end);
  if (j.non_string_element) {
    ins.error = std::string(kNotStringArray);
    return;
  }
  if (j.is_json) {
    ins.json = true;
    ins.next = std::move(j.items);
    return;
  }
  split_blank_words(line, begin, end, ins.next);
}

// parseNameVal (ENV, LABEL).
void name_val(std::string_view line, uint32_t begin, uint32_t end, char escape, std::string_view key,
              LogicalInstruction& ins) {
  std::vector<QuotedWord> words = parse_words(line, begin, end, escape);
  if (words.empty()) return;
  if (words[0].eq_index == std::string::npos) {
    // Legacy `KEY name value`: the raw text split once on ASCII blanks, whatever the quoting.
    uint32_t k = begin;
    while (k < end && !is_ascii_blank(static_cast<unsigned char>(line[k]))) ++k;
    if (k == end) {
      ins.error = std::string(key) + " must have two arguments";
      return;
    }
    uint32_t v = k;
    while (v < end && is_ascii_blank(static_cast<unsigned char>(line[v]))) ++v;
    ins.next.push_back(slice_piece(line, begin, k));
    ins.next.push_back(slice_piece(line, v, end));
    ins.next.push_back(make_piece("", end, end));
    return;
  }
  for (QuotedWord& w : words) {
    if (w.eq_index == std::string::npos) {
      ins.error = "Syntax error - can't find = in " + go_quote(w.text) + ". Must be of the form: name=value";
      ins.next.clear();
      return;
    }
    ins.next.push_back(make_piece(w.text.substr(0, w.eq_index), w.begin, w.eq_pos));
    ins.next.push_back(make_piece(w.text.substr(w.eq_index + 1), w.eq_pos + 1, w.end));
    ins.next.push_back(make_piece("=", w.eq_pos, w.eq_pos + 1));
  }
}

// parseHealthConfig: the type word ends at the first byte-wise blank (0x85/0xA0 included).
void health_config(std::string_view line, uint32_t begin, uint32_t end, LogicalInstruction& ins) {
  uint32_t sep = begin;
  while (sep < end && !is_byte_space(static_cast<unsigned char>(line[sep]))) ++sep;
  uint32_t nx = sep;
  while (nx < end && is_byte_space(static_cast<unsigned char>(line[nx]))) ++nx;
  if (sep == begin) return;
  ins.next.push_back(slice_piece(line, begin, sep));
  maybe_json(line, nx, end, ins);
}

// newNodeFromLine over line[begin,end).
LogicalInstruction parse_range(std::string_view line, uint32_t begin, uint32_t end, char escape) {
  LogicalInstruction ins;
  uint32_t b = begin;
  uint32_t e = end;
  trim_space(line, b, e);
  uint32_t k = b;
  while (k < e && !is_ascii_blank(static_cast<unsigned char>(line[k]))) ++k;
  ins.keyword = slice_piece(line, b, k);
  uint32_t args_begin = e;
  uint32_t args_end = e;
  if (k < e) {
    uint32_t r = k;
    while (r < e && is_ascii_blank(static_cast<unsigned char>(line[r]))) ++r;
    ins.flags = split_flags_at(line, r, e, args_begin);
    trim_space(line, args_begin, args_end);
  }
  const uint32_t ab = args_begin;
  const uint32_t ae = args_end;
  switch (kind_of(go_to_lower(ins.keyword.value))) {
    case Kind::from:
    case Kind::expose:
      split_blank_words(line, ab, ae, ins.next);
      break;
    case Kind::copy:
    case Kind::add:
    case Kind::volume:
      maybe_json_to_list(line, ab, ae, ins);
      break;
    case Kind::run:
    case Kind::cmd:
    case Kind::entrypoint:
    case Kind::shell:
      maybe_json(line, ab, ae, ins);
      break;
    case Kind::env:
      name_val(line, ab, ae, escape, "ENV", ins);
      break;
    case Kind::label:
      name_val(line, ab, ae, escape, "LABEL", ins);
      break;
    case Kind::arg:
      for (QuotedWord& w : parse_words(line, ab, ae, escape)) ins.next.push_back(make_piece(std::move(w.text), w.begin, w.end));
      break;
    case Kind::user:
    case Kind::workdir:
    case Kind::maintainer:
    case Kind::stopsignal:
      if (ab < ae) ins.next.push_back(slice_piece(line, ab, ae));
      break;
    case Kind::healthcheck:
      health_config(line, ab, ae, ins);
      break;
    case Kind::onbuild:
      if (ab < ae) {
        ins.nested = std::make_unique<LogicalInstruction>(parse_range(line, ab, ae, escape));
        if (ins.nested->error) ins.error = ins.nested->error;
      }
      break;
    case Kind::unknown:
      ins.next.push_back(make_piece("", ab, ab));  // parseIgnore: one empty node
      break;
  }
  if (ins.error) {
    ins.next.clear();
    ins.json = false;
  }
  return ins;
}

// canContainHeredoc: RUN/COPY/ADD not in JSON form, looking through one ONBUILD.
bool can_contain_heredoc(const LogicalInstruction& ins) {
  const LogicalInstruction* node = &ins;
  std::string kw = go_to_lower(node->keyword.value);
  if (kw == "onbuild" && node->nested) {
    node = node->nested.get();
    kw = go_to_lower(node->keyword.value);
  }
  return (kw == "run" || kw == "copy" || kw == "add") && !node->json;
}

std::string dump_node(const LogicalInstruction& ins) {
  std::string s = go_to_lower(ins.keyword.value);
  if (!ins.flags.empty()) {
    s += " [";
    for (size_t i = 0; i < ins.flags.size(); ++i) {
      if (i) s += ' ';
      s += go_quote(ins.flags[i].value);
    }
    s += ']';
  }
  if (ins.nested) {
    s += " (";
    s += dump_node(*ins.nested);
    s += ')';
  }
  for (const Piece& p : ins.next) {
    s += ' ';
    s += go_quote(p.value);
  }
  uint32_t b = 0;
  auto e = u32(s.size());
  trim_space(s, b, e);
  return s.substr(b, e - b);
}

}  // namespace

LogicalInstruction parse_logical_line(std::string_view line, char escape) {
  LogicalInstruction ins = parse_range(line, 0, u32(line.size()), escape);
  if (!ins.error && can_contain_heredoc(ins) && line.find("<<") != std::string_view::npos) {
    std::optional<std::string> error;
    ins.heredocs = find_heredoc_markers(line, error);
    if (error) ins.error = std::move(error);
  }
  return ins;
}

std::vector<Piece> split_flags(std::string_view text, char /*escape*/, uint32_t& rest_begin) {
  return split_flags_at(text, 0, u32(text.size()), rest_begin);
}

JsonArray parse_json_string_array(std::string_view text) { return parse_json_array_at(text, 0, u32(text.size())); }

std::vector<HeredocMarker> find_heredoc_markers(std::string_view line) {
  std::optional<std::string> error;
  return find_heredoc_markers(line, error);
}

std::vector<HeredocMarker> find_heredoc_markers(std::string_view line, std::optional<std::string>& error) {
  std::vector<HeredocMarker> markers;
  std::vector<ShellLexer::Word> words;
  std::string lex_error;
  // BuildKit ignores a failure here: the line simply has no heredocs.
  if (!ShellLexer(line, true, true).process_words(words, lex_error)) return markers;
  for (const ShellLexer::Word& w : words) {
    std::optional<HeredocMarker> marker;
    std::string marker_error;
    if (!heredoc_from_word(w, marker, marker_error)) {
      error = std::move(marker_error);
      return {};
    }
    if (marker) markers.push_back(std::move(*marker));
  }
  return markers;
}

std::string go_quote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (size_t i = 0; i < s.size();) {
    const DecodedRune rr = decode_rune(s, i);
    if (rr.rune == replacement_rune && rr.width == 1) {
      const auto b = static_cast<unsigned char>(s[i]);
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
      ++i;
      continue;
    }
    const char32_t r = rr.rune;
    i += rr.width;
    if (r == '"' || r == '\\') {
      out += '\\';
      out += static_cast<char>(r);
      continue;
    }
    if (is_print(r)) {
      append_rune(out, r);
      continue;
    }
    switch (r) {
      case '\a': out += "\\a"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\v': out += "\\v"; continue;
      default: break;
    }
    if (r < ' ' || r == 0x7F) {
      out += "\\x";
      out += kHex[r >> 4];
      out += kHex[r & 0xF];
    } else if (r < 0x10000) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(r >> shift) & 0xF];
    } else {
      out += "\\U";
      for (int shift = 28; shift >= 0; shift -= 4) out += kHex[(r >> shift) & 0xF];
    }
  }
  out += '"';
  return out;
}

std::string go_to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    const DecodedRune rr = decode_rune(s, i);
    append_rune(out, to_lower(rr.rune));  // invalid bytes decode to U+FFFD, as strings.Map writes them
    i += rr.width;
  }
  return out;
}

std::string dump_line(const LogicalInstruction& ins) { return "(" + dump_node(ins) + ")"; }

}  // namespace msm::syntax::buildkit
