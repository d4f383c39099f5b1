#pragma once
// UTF-8 and Unicode character classes exactly as Go's unicode, unicode/utf8 and strconv packages
// answer them. Code that reproduces a Go program (BuildKit) byte for byte must decode, encode and
// classify runes the way Go does, quirks included, rather than the way the C++ library or the
// locale would.
//
// The tables are Unicode 15.0.0, the version Go 1.21+ ships.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace msm::util {

// What Go writes for bytes that are not valid UTF-8 and for values that are not runes.
inline constexpr char32_t replacement_rune = 0xFFFD;

struct DecodedRune {
  char32_t rune;
  uint32_t width;  // bytes consumed: 1 to 4
};

namespace detail {
// The complete out-of-line implementations; decode_rune and append_rune answer ASCII inline
// first, because the scanners call them for every byte of mostly-ASCII Dockerfiles.
DecodedRune decode_rune_out_of_line(std::string_view text, std::size_t pos);
void append_rune_out_of_line(std::string& out, char32_t rune);
}  // namespace detail

// utf8.DecodeRune of text[pos...] (pos < text.size()). An invalid, overlong, surrogate or
// truncated sequence decodes as (replacement_rune, 1), so a scan always advances and resyncs on
// the next byte.
inline DecodedRune decode_rune(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  return detail::decode_rune_out_of_line(text, pos);
}

// utf8.DecodeLastRune: the rune that ends `text` (not empty), with the same rules.
DecodedRune decode_last_rune(std::string_view text);

// utf8.AppendRune: surrogates and values above U+10FFFF (Go's EOF, -1, included) are written as
// replacement_rune, so the output is always valid UTF-8.
inline void append_rune(std::string& out, char32_t rune) {
  if (rune < 0x80) {
    out += static_cast<char>(rune);
    return;
  }
  detail::append_rune_out_of_line(out, rune);
}
std::string encode_rune(char32_t rune);

bool is_letter(char32_t rune);  // unicode.IsLetter: category L
bool is_digit(char32_t rune);   // unicode.IsDigit: category Nd
bool is_print(char32_t rune);   // strconv.IsPrint: L, M, N, P, S and the ASCII space

// unicode.IsSpace: \t \n \v \f \r, space, U+0085, U+00A0 and category Z.
inline bool is_space(char32_t rune) {
  switch (rune) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000:
      return true;
    default:
      return rune >= 0x2000 && rune <= 0x200A;
  }
}

// unicode.ToLower: the simple (one rune to one rune) mapping, so U+0130 becomes plain 'i'.
char32_t to_lower(char32_t rune);

}  // namespace msm::util
