// util/unicode.h: UTF-8 and character classes answered as Go answers them (the BuildKit parser
// and the variable expansion both depend on these exact answers).
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "util/unicode.h"

namespace u = msm::util;

namespace {

using Decoded = std::pair<char32_t, uint32_t>;
constexpr char32_t kError = u::replacement_rune;

// The rune and width decode_rune reports at `pos`, as one comparable value.
Decoded decoded(std::string_view text, std::size_t pos = 0) {
  const u::DecodedRune d = u::decode_rune(text, pos);
  return {d.rune, d.width};
}

Decoded decoded_last(std::string_view text) {
  const u::DecodedRune d = u::decode_last_rune(text);
  return {d.rune, d.width};
}

}  // namespace

TEST_CASE("unicode: decode_rune reads valid UTF-8 of every length") {
  CHECK(decoded("a") == Decoded{U'a', 1});
  CHECK(decoded(std::string_view("\0", 1)) == Decoded{0, 1});
  CHECK(decoded("\xC3\xA9") == Decoded{0xE9, 2});             // é
  CHECK(decoded("\xE2\x82\xAC") == Decoded{0x20AC, 3});       // €
  CHECK(decoded("\xF0\x9F\x98\x80") == Decoded{0x1F600, 4});  // 😀
  CHECK(decoded("\xF4\x8F\xBF\xBF") == Decoded{0x10FFFF, 4});
  CHECK(decoded("x\xC3\xA9", 1) == Decoded{0xE9, 2});
}

TEST_CASE("unicode: decode_rune turns each invalid byte into U+FFFD of width 1, as Go does") {
  CHECK(decoded("\x80") == Decoded{kError, 1});              // a stray continuation byte
  CHECK(decoded("\xC0\x80") == Decoded{kError, 1});          // overlong NUL
  CHECK(decoded("\xC1\xBF") == Decoded{kError, 1});          // overlong
  CHECK(decoded("\xE0\x80\x80") == Decoded{kError, 1});      // overlong 3-byte form
  CHECK(decoded("\xF0\x80\x80\x80") == Decoded{kError, 1});  // overlong 4-byte form
  CHECK(decoded("\xED\xA0\x80") == Decoded{kError, 1});      // an encoded surrogate
  CHECK(decoded("\xF4\x90\x80\x80") == Decoded{kError, 1});  // above U+10FFFF
  CHECK(decoded("\xF5\x80\x80\x80") == Decoded{kError, 1});
  CHECK(decoded("\xFF") == Decoded{kError, 1});
  CHECK(decoded("\xE2\x82") == Decoded{kError, 1});  // truncated by the end of the text
  CHECK(decoded("\xC3" "a") == Decoded{kError, 1});  // a lead byte without its continuation

  // Width 1 lets a scan resynchronise on the very next byte.
  const std::string_view text = "\xE2\x82" "A";
  CHECK(decoded(text, 0) == Decoded{kError, 1});
  CHECK(decoded(text, 1) == Decoded{kError, 1});
  CHECK(decoded(text, 2) == Decoded{U'A', 1});
}

TEST_CASE("unicode: decode_last_rune reads the rune ending the text") {
  CHECK(decoded_last("a") == Decoded{U'a', 1});
  CHECK(decoded_last("a\xE2\x82\xAC") == Decoded{0x20AC, 3});
  CHECK(decoded_last("\xF0\x9F\x98\x80") == Decoded{0x1F600, 4});
  CHECK(decoded_last("\xE2\x80\x83") == Decoded{0x2003, 3});  // em space: what TrimSpace trims
  CHECK(decoded_last("\xAC") == Decoded{kError, 1});
  CHECK(decoded_last("\xE2\x82") == Decoded{kError, 1});          // a truncated rune at the end
  CHECK(decoded_last("\xE2\x82\xAC\x80") == Decoded{kError, 1});  // one continuation too many
  CHECK(decoded_last("\x80\x80\x80\x80\x80") == Decoded{kError, 1});
  CHECK(decoded_last("a\xC3") == Decoded{kError, 1});
}

TEST_CASE("unicode: append_rune writes UTF-8, and U+FFFD for anything that is no rune") {
  CHECK(u::encode_rune(U'a') == "a");
  CHECK(u::encode_rune(0) == std::string("\0", 1));
  CHECK(u::encode_rune(0xE9) == "\xC3\xA9");
  CHECK(u::encode_rune(0x7FF) == "\xDF\xBF");
  CHECK(u::encode_rune(0x800) == "\xE0\xA0\x80");
  CHECK(u::encode_rune(0x20AC) == "\xE2\x82\xAC");
  CHECK(u::encode_rune(0x1F600) == "\xF0\x9F\x98\x80");
  CHECK(u::encode_rune(0x10FFFF) == "\xF4\x8F\xBF\xBF");
  CHECK(u::encode_rune(0xD800) == "\xEF\xBF\xBD");  // surrogates
  CHECK(u::encode_rune(0xDFFF) == "\xEF\xBF\xBD");
  CHECK(u::encode_rune(0x110000) == "\xEF\xBF\xBD");
  CHECK(u::encode_rune(0xFFFFFFFF) == "\xEF\xBF\xBD");  // Go's EOF (-1) in a message

  std::string out = "x";
  u::append_rune(out, 0xE9);
  u::append_rune(out, U'!');
  CHECK(out == "x\xC3\xA9!");
}

TEST_CASE("unicode: every rune survives encoding and decoding") {
  std::size_t mismatches = 0;
  for (char32_t rune = 0; rune <= 0x10FFFF; ++rune) {
    if (rune >= 0xD800 && rune <= 0xDFFF) continue;
    const std::string text = u::encode_rune(rune);
    const u::DecodedRune d = u::decode_rune(text, 0);
    const u::DecodedRune last = u::decode_last_rune(text);
    if (d.rune != rune || d.width != text.size() || last.rune != rune || last.width != text.size()) ++mismatches;
  }
  CHECK(mismatches == 0);
}

TEST_CASE("unicode: is_space is Go's unicode.IsSpace") {
  for (const char32_t rune : {U'\t', U'\n', U'\v', U'\f', U'\r', U' ', char32_t{0x85}, char32_t{0xA0},
                              char32_t{0x1680}, char32_t{0x2000}, char32_t{0x2005}, char32_t{0x200A},
                              char32_t{0x2028}, char32_t{0x2029}, char32_t{0x202F}, char32_t{0x205F},
                              char32_t{0x3000}}) {
    CAPTURE(static_cast<uint32_t>(rune));
    CHECK(u::is_space(rune));
  }
  // Format characters look blank but are not spaces; neither is U+180E since Unicode 6.3.
  for (const char32_t rune : {U'a', char32_t{0}, char32_t{0x1C}, char32_t{0x7F}, char32_t{0x180E},
                              char32_t{0x200B}, char32_t{0x2060}, char32_t{0xFEFF}, char32_t{0xFFFD}}) {
    CAPTURE(static_cast<uint32_t>(rune));
    CHECK_FALSE(u::is_space(rune));
  }
  std::size_t spaces = 0;
  for (char32_t rune = 0; rune <= 0x10FFFF; ++rune) spaces += u::is_space(rune) ? 1 : 0;
  CHECK(spaces == 25);  // Go's complete list
}

TEST_CASE("unicode: is_letter and is_digit are categories L and Nd of Unicode 15") {
  CHECK(u::is_letter(U'a'));
  CHECK(u::is_letter(U'Z'));
  CHECK(u::is_letter(0xE9));      // é
  CHECK(u::is_letter(0xD55C));    // 한
  CHECK(u::is_letter(0x2B0));     // ʰ, a modifier letter (Lm)
  CHECK_FALSE(u::is_letter(U'_'));
  CHECK_FALSE(u::is_letter(U'1'));
  CHECK_FALSE(u::is_letter(0x20AC));  // € is a symbol
  CHECK_FALSE(u::is_letter(0x378));   // unassigned
  CHECK_FALSE(u::is_letter(0x2160));  // Ⅰ is a letter number (Nl), not a letter

  CHECK(u::is_digit(U'0'));
  CHECK(u::is_digit(U'9'));
  CHECK(u::is_digit(0x663));   // ٣ Arabic-Indic three
  CHECK(u::is_digit(0xFF10));  // fullwidth zero
  CHECK_FALSE(u::is_digit(U'a'));
  CHECK_FALSE(u::is_digit(0xB2));    // ² is No, not Nd
  CHECK_FALSE(u::is_digit(0x2160));  // Ⅰ is Nl

  // Added in Unicode 15.0 (Go 1.21+): BuildKit treats them as name characters.
  CHECK(u::is_letter(0x11F04));  // Kawi letter A
  CHECK(u::is_letter(0x1E4D0));  // Nag Mundari letter O
  CHECK(u::is_letter(0x31350));  // CJK Unified Ideographs Extension H
  CHECK(u::is_digit(0x11F50));   // Kawi digit zero
  CHECK(u::is_digit(0x1E4F0));   // Nag Mundari digit zero
}

TEST_CASE("unicode: is_print is strconv.IsPrint") {
  CHECK(u::is_print(U' '));
  CHECK(u::is_print(U'~'));
  CHECK(u::is_print(0xE9));
  CHECK(u::is_print(0x1F600));
  CHECK(u::is_print(0x301));  // a combining mark (M)
  CHECK_FALSE(u::is_print(U'\t'));
  CHECK_FALSE(u::is_print(0x7F));
  CHECK_FALSE(u::is_print(0xA0));    // only the ASCII space is printable among spaces
  CHECK_FALSE(u::is_print(0x3000));
  CHECK_FALSE(u::is_print(0xAD));    // soft hyphen (Cf)
  CHECK_FALSE(u::is_print(0x378));   // unassigned
  CHECK_FALSE(u::is_print(0xE0001));
}

TEST_CASE("unicode: to_lower is unicode.ToLower's simple mapping") {
  CHECK(u::to_lower(U'A') == U'a');
  CHECK(u::to_lower(U'a') == U'a');
  CHECK(u::to_lower(U'1') == U'1');
  CHECK(u::to_lower(0xC9) == 0xE9);     // É
  CHECK(u::to_lower(0x130) == U'i');    // İ: one rune, not "i" + U+0307
  CHECK(u::to_lower(0x212A) == U'k');   // KELVIN SIGN
  CHECK(u::to_lower(0x3A3) == 0x3C3);   // Σ
  CHECK(u::to_lower(0x100) == 0x101);   // a stride-2 run: upper case at even offsets
  CHECK(u::to_lower(0x101) == 0x101);   // and lower case between them
  CHECK(u::to_lower(0x1E9E) == 0xDF);   // ẞ
  CHECK(u::to_lower(0x1F88) == 0x1F80); // a Greek title-case letter
  CHECK(u::to_lower(0x10400) == 0x10428);
  CHECK(u::to_lower(0xFFFD) == 0xFFFD);
}
