// BuildKit's build-time variable expansion (notes/dockerfile-syntax.md §11).
#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "analysis/expansion.h"

using msm::analysis::expand_word;
using msm::analysis::expand_words;
using msm::analysis::ExpansionOptions;
using msm::analysis::lookup_from;
using msm::analysis::VariableLookup;

namespace {

using Strings = std::vector<std::string>;

// The variables of the §11 example table, plus a few for the edge cases.
const VariableLookup& table_vars() {
  static const VariableLookup lookup = lookup_from({
      {"A", "hello"},
      {"E", ""},
      {"F", "a/b/c.tar.gz"},
      {"PWD", "/home"},
      {"SHELL", "bash"},
      {"KOREAN", "한국어"},
      {"SP", "1 2"},
      {"STAR", "*"},
      {"NL", "ab\ncd"},
  });
  return lookup;
}

std::string value_of(std::string_view word, const ExpansionOptions& options = {}) {
  const auto result = expand_word(word, table_vars(), options);
  INFO("word: " << word);
  CHECK_FALSE(result.error.has_value());
  return result.value;
}

std::string error_of(std::string_view word, const ExpansionOptions& options = {}) {
  const auto result = expand_word(word, table_vars(), options);
  INFO("word: " << word);
  REQUIRE(result.error.has_value());
  CHECK(result.value.empty());
  return *result.error;
}

Strings words_of(std::string_view text, const VariableLookup& lookup = table_vars()) {
  const auto result = expand_words(text, lookup);
  INFO("text: " << text);
  CHECK_FALSE(result.error.has_value());
  return result.words;
}

ExpansionOptions backtick() {
  ExpansionOptions options;
  options.escape = '`';
  return options;
}

}  // namespace

TEST_SUITE("expansion") {

// ---- §11 example table: every row ----------------------------------------------------------

TEST_CASE("notes table: plain references") {
  CHECK(value_of("$A-${A}") == "hello-hello");
  CHECK(value_of("$1x") == "x");
  CHECK(value_of("$ x") == "$ x");
}

TEST_CASE("notes table: defaults and alternatives") {
  CHECK(value_of("${B:-dflt}") == "dflt");
  CHECK(value_of("${B-dflt}") == "dflt");
  CHECK(value_of("${E:-dflt}") == "dflt");
  CHECK(value_of("${E-dflt}") == "");
  CHECK(value_of("${A:+set}") == "set");
  CHECK(value_of("${B+set}") == "");
}

TEST_CASE("notes table: quoting") {
  CHECK(value_of("'$A'") == "$A");
  CHECK(value_of("\\$A") == "$A");
  CHECK(value_of(R"("$A \$A \x")") == "hello $A \\x");
}

TEST_CASE("notes table: required variables") {
  CHECK(error_of("${B:?need B}") == "B: need B");
  CHECK(value_of("${E?msg}") == "");
}

TEST_CASE("notes table: patterns") {
  CHECK(value_of("${F##*/}") == "c.tar.gz");
  CHECK(value_of("${F#*/}") == "b/c.tar.gz");
  CHECK(value_of("${F%.*}") == "a/b/c.tar");
  CHECK(value_of("${F%%.*}") == "a/b/c");
  CHECK(value_of("${F/b/X}") == "a/X/c.tar.gz");
  CHECK(value_of("${F//\\//_}") == "a_b_c.tar.gz");
}

TEST_CASE("notes: no /# or /% anchors") {
  CHECK(value_of("${F/#a/Z}") == "a/b/c.tar.gz");
  CHECK(value_of("${F/%gz/Z}") == "a/b/c.tar.gz");
  // `#` and `%` are plain characters of the pattern there.
  const auto hash = lookup_from({{"H", "x#ay"}});
  CHECK(expand_word("${H/#a/Z}", hash).value == "xZy");
}

TEST_CASE("notes: bad substitution") {
  CHECK(error_of("${}") == "syntax error: bad substitution");
  CHECK(error_of("${:-x}") == "syntax error: bad substitution");
  CHECK(error_of("${:}") == "syntax error: bad substitution");
  CHECK(error_of("${{A}}") == "syntax error: bad substitution");
  CHECK(error_of("${{A}") == "syntax error: bad substitution");
  CHECK(error_of("he${}xx") == "syntax error: bad substitution");
}

TEST_CASE("notes: missing closing brace") {
  CHECK(error_of("${") == "syntax error: missing '}'");
  CHECK(error_of("${A:-x") == "syntax error: missing '}'");
  CHECK(error_of("${A-x") == "syntax error: missing '}'");
  CHECK(error_of("${A#x") == "syntax error: missing '}'");
  CHECK(error_of("${A:") == "syntax error: missing '}'");
  CHECK(error_of("${A/a/b") == "syntax error: missing '}'");
  CHECK(error_of("${A:-${B:-x}") == "syntax error: missing '}'");
  CHECK(error_of("${A:-'x}'") == "syntax error: missing '}'");
  // Right after the name, BuildKit reads the end of input as the modifier (Go prints it as
  // U+FFFD).
  CHECK(error_of("${A") == "unsupported modifier (\xEF\xBF\xBD) in substitution");
  CHECK(error_of("he${PWD") == "unsupported modifier (\xEF\xBF\xBD) in substitution");
}

TEST_CASE("notes: unsupported modifiers") {
  CHECK(error_of("${A:=x}") == "unsupported modifier (:=) in substitution");
  CHECK(error_of("${A=x}") == "unsupported modifier (=) in substitution");
  CHECK(error_of("${A:0:2}") == "unsupported modifier (:0) in substitution");
  CHECK(error_of("${#A}") == "unsupported modifier (A) in substitution");
  CHECK(error_of("${A^}") == "unsupported modifier (^) in substitution");
  CHECK(error_of("${A,,}") == "unsupported modifier (,) in substitution");
  CHECK(error_of("${A:#x}") == "unsupported modifier (:#) in substitution");
  CHECK(error_of("${A:%x}") == "unsupported modifier (:%) in substitution");
  CHECK(error_of("${A:/x/y}") == "unsupported modifier (:/) in substitution");
  CHECK(error_of("${A=}") == "unsupported modifier (=) in substitution");
  CHECK(error_of("${A=:x}") == "unsupported modifier (=) in substitution");
  CHECK(error_of("he${.}") == "unsupported modifier (.) in substitution");
  CHECK(error_of("${A B}") == "unsupported modifier ( ) in substitution");
  CHECK(error_of("he${XXX:YYY}") == "unsupported modifier (:Y) in substitution");
}

TEST_CASE("after a colon the word is read before the modifier is checked") {
  // `${A:}` takes `}` as the modifier and then looks for another `}`.
  CHECK(error_of("${A:}") == "syntax error: missing '}'");
  CHECK(error_of("${A:}x}") == "unsupported modifier (:}) in substitution");
  CHECK(error_of("${A:=x") == "syntax error: missing '}'");
}

// ---- references ------------------------------------------------------------------------------

TEST_CASE("names") {
  CHECK(value_of("$A.b") == "hello.b");
  CHECK(value_of("$A_b") == "");
  CHECK(value_of("${A}_b") == "hello_b");
  CHECK(value_of("$Ab") == "");
  CHECK(value_of("$A9") == "");
  CHECK(value_of("he$PWD") == "he/home");
  CHECK(value_of("he${hi}xx") == "hexx");
  CHECK(value_of("$A$A") == "hellohello");
  CHECK(value_of("$A-$A") == "hello-hello");
  CHECK(value_of("${A}}") == "hello}");
  CHECK(value_of("${B}}") == "}");
  CHECK(value_of("${B}a") == "a");
}

TEST_CASE("dollar before a non-name is literal") {
  CHECK(value_of("$") == "$");
  CHECK(value_of("abc$") == "abc$");
  CHECK(value_of("$.") == "$.");
  CHECK(value_of("he$.x") == "he$.x");
  CHECK(value_of("$/x") == "$/x");
  CHECK(value_of("$%") == "$%");
  CHECK(value_of("$'A'") == "$A");
  CHECK(value_of("$\"A\"") == "$A");
  CHECK(value_of("a$ b") == "a$ b");
}

TEST_CASE("positional and special parameters expand to empty") {
  CHECK(value_of("he$1x") == "hex");
  CHECK(value_of("$12x") == "x");  // all the digits, unlike POSIX sh
  CHECK(value_of("$0x") == "x");
  CHECK(value_of("$@x") == "x");
  CHECK(value_of("$*x") == "x");
  CHECK(value_of("$#x") == "x");
  CHECK(value_of("$?x") == "x");
  CHECK(value_of("$-x") == "x");
  CHECK(value_of("$$x") == "x");
  CHECK(value_of("$!x") == "x");
  CHECK(value_of("${1}x") == "x");
  CHECK(value_of("${10}x") == "x");
  CHECK(value_of("${@}x") == "x");
  CHECK(value_of("${#}x") == "x");
  CHECK(value_of("${1:-d}") == "d");
  CHECK(value_of("${-:-d}") == "d");
  CHECK(error_of("${1a}") == "unsupported modifier (a) in substitution");
}

TEST_CASE("unicode letters and digits belong to names") {
  CHECK(value_of("$KOREAN") == "한국어");
  CHECK(value_of("안녕$KOREAN") == "안녕한국어");
  CHECK(value_of("$A한") == "");  // the name is `A한`
  const auto vars = lookup_from({{"é", "e-acute"}, {"x٣", "arabic-indic three"}});
  CHECK(expand_word("$é!", vars).value == "e-acute!");
  CHECK(expand_word("${é}", vars).value == "e-acute");
  CHECK(expand_word("$x٣", vars).value == "arabic-indic three");
  CHECK(expand_word("$٣x", vars).value == "x");  // a leading digit: positional
  CHECK(expand_word("$€", vars).value == "$€");  // a symbol is no name
  CHECK(expand_word("$\u00A0x", vars).value == "$\u00A0x");
}

TEST_CASE("nested substitutions") {
  CHECK(value_of("${B:-${C:-c}}") == "c");
  CHECK(value_of("${B:-${A:-c}}") == "hello");
  CHECK(value_of("he${XXX:-$PWD}xx") == "he/homexx");
  CHECK(value_of("he${XXX:-${PWD:-yyy}}xx") == "he/homexx");
  CHECK(value_of("he${XXX:-${YYY:-yyy}}xx") == "heyyyxx");
  CHECK(value_of("he${XXX:+${PWD}}xx") == "hexx");
  CHECK(value_of("he${PWD:+${XXX}}xx") == "hexx");
  CHECK(value_of("he${PWD:+${SHELL}}xx") == "hebashxx");
  CHECK(value_of("he${PWD:+${PWD}:}xx") == "he/home:xx");
  CHECK(value_of("he${XXX:-\\$PWD:}xx") == "he$PWD:xx");
  CHECK(value_of("he${XXX:-\\${PWD}z}xx") == "he${PWDz}xx");
  CHECK(value_of("${B:-a${A}b}") == "ahellob");
  CHECK(value_of("${B:-'}'}") == "}");
  CHECK(value_of("${B:-\"}\"}") == "}");
  CHECK(value_of("${B:-a\\}b}") == "a}b");
  CHECK(value_of("${B:-\"$A\"}") == "hello");
  CHECK(value_of("${B:-'$A'}") == "$A");
  CHECK(value_of("\"${B:-\"x y\"}\"") == "x y");
  CHECK(value_of("${B:-${B:-${B:-${B:-deep}}}}") == "deep");
  // An error inside a nested word is reported as it is.
  CHECK(error_of("${B:-${}}") == "syntax error: bad substitution");
  CHECK(error_of("${A:-${B:?inner}}") == "B: inner");
  // The word is expanded before the variable is looked at, even when it is not used.
  CHECK(error_of("${A:-${B:?never}}") == "B: never");
  CHECK(error_of("${A+${}}") == "syntax error: bad substitution");
}

TEST_CASE("BuildKit platform example") {
  const std::string release =
      "something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz";
  CHECK(expand_word(release, lookup_from({{"VERSION", "v1.2.3"},
                                          {"TARGETOS", "linux"},
                                          {"TARGETARCH", "arm"},
                                          {"TARGETVARIANT", "v7"}}))
            .value == "something-v1.2.3.linux-arm-v7.tar.gz");
  CHECK(expand_word(release, lookup_from({{"VERSION", "v1.2.3"},
                                          {"TARGETOS", "linux"},
                                          {"TARGETARCH", "arm64"},
                                          {"TARGETVARIANT", ""}}))
            .value == "something-v1.2.3.linux-arm64.tar.gz");
  CHECK(expand_word(release, lookup_from({{"VERSION", "v1.2.3"},
                                          {"TARGETOS", "linux"},
                                          {"TARGETARCH", "arm64"}}))
            .value == "something-v1.2.3.linux-arm64.tar.gz");
}

TEST_CASE("set, empty and unset against every operator") {
  const auto vars = lookup_from({{"S", "v"}, {"N", ""}});
  struct Row {
    const char* word;
    const char* set;
    const char* empty;
    const char* unset;
  };
  const Row rows[] = {
      {"-w", "v", "", "w"},
      {":-w", "v", "w", "w"},
      {"+w", "w", "w", ""},
      {":+w", "w", "", ""},
      {"?w", "v", "", nullptr},
      {":?w", "v", nullptr, nullptr},
  };
  for (const Row& row : rows) {
    for (const auto& [name, expected] :
         {std::pair{"S", row.set}, std::pair{"N", row.empty}, std::pair{"U", row.unset}}) {
      const std::string word = std::string("${") + name + row.word + "}";
      const auto result = expand_word(word, vars);
      INFO(word);
      if (expected == nullptr) {
        CHECK(result.error == std::string(name) + ": w");
      } else {
        CHECK_FALSE(result.error);
        CHECK(result.value == expected);
      }
    }
  }
}

TEST_CASE("required-variable messages") {
  const auto vars = lookup_from({{"VAR", "plain"}, {"NUL", ""}, {"ARG", "x"}});
  CHECK(expand_word("${VAR:?message here$ARG}", vars).value == "plain");
  CHECK(expand_word("${NUL:?message here$ARG}", vars).error == "NUL: message herex");
  CHECK(expand_word("${U:?message here$ARG}", vars).error == "U: message herex");
  CHECK(expand_word("${NUL?message here$ARG}", vars).value == "");
  CHECK(expand_word("${U?message here$ARG}", vars).error == "U: message herex");
  CHECK(expand_word("${U?}", vars).error == "U: is not allowed to be unset");
  CHECK(expand_word("${U:?}", vars).error == "U: is not allowed to be unset");
  CHECK(expand_word("${NUL:?}", vars).error == "NUL: is not allowed to be empty");
  CHECK(expand_word("he${PWD?}", table_vars()).value == "he/home");
}

// ---- quoting and escapes ---------------------------------------------------------------------

TEST_CASE("single quotes") {
  CHECK(value_of("he'll'o") == "hello");
  CHECK(value_of("'he${XX}'") == "he${XX}");
  CHECK(value_of("'\\$PWD'") == "\\$PWD");
  CHECK(value_of("'hello\\'") == "hello\\");
  CHECK(value_of("'hello\\there'") == "hello\\there");
  CHECK(value_of("'\"hello\"'") == "\"hello\"");
  CHECK(value_of("''") == "");
  CHECK(error_of("he'llo") ==
        "unexpected end of statement while looking for matching single-quote");
  CHECK(error_of("'hello") ==
        "unexpected end of statement while looking for matching single-quote");
}

TEST_CASE("double quotes") {
  CHECK(value_of("\"he${PWD}\"") == "he/home");
  CHECK(value_of("\"he'$PWD'\"") == "he'/home'");
  CHECK(value_of("\"hel'lo\"") == "hel'lo");
  CHECK(value_of("\"''\"") == "''");
  CHECK(value_of("\"abc\\tdef\"") == "abc\\tdef");
  CHECK(value_of("\"abc\\\\tdef\"") == "abc\\tdef");
  CHECK(value_of("\"he\\$PWD\"") == "he$PWD");
  CHECK(value_of("\"he\\\\$PWD\"") == "he\\/home");
  CHECK(value_of("\"a\\\"b\"") == "a\"b");
  CHECK(value_of("\"a\\'b\"") == "a\\'b");
  CHECK(value_of("\"$ x\"") == "$ x");
  CHECK(value_of("\"\"") == "");
  CHECK(value_of("a\"\"b") == "ab");
  CHECK(value_of("\"${A}\"\"${A}\"") == "hellohello");
  CHECK(error_of("\"hello") ==
        "unexpected end of statement while looking for matching double-quote");
  CHECK(error_of("\"hello\\\"") ==
        "unexpected end of statement while looking for matching double-quote");
  CHECK(error_of("\"hello\\") ==
        "unexpected end of statement while looking for matching double-quote");
}

TEST_CASE("escape character outside quotes") {
  CHECK(value_of("abc\\tdef") == "abctdef");
  CHECK(value_of("he\\'llo") == "he'llo");
  CHECK(value_of("he\\$PWD") == "he$PWD");
  CHECK(value_of("he\\\\$PWD") == "he\\/home");
  CHECK(value_of("\\${}") == "${}");
  CHECK(value_of("he\\${}xx") == "he${}xx");
  CHECK(value_of("\\\"x\\\"") == "\"x\"");
  CHECK(value_of("a\\ b") == "a b");
  CHECK(value_of("hello\\\\") == "hello\\");
  CHECK(error_of("he\\\\'llo") ==
        "unexpected end of statement while looking for matching single-quote");
}

TEST_CASE("a lone escape character at the end disappears") {
  CHECK(value_of("hello\\") == "hello");
  CHECK(value_of("\\") == "");
  CHECK(value_of("hello`", backtick()) == "hello");
}

TEST_CASE("backtick escape directive") {
  const ExpansionOptions options = backtick();
  CHECK(value_of("`$A", options) == "$A");
  CHECK(value_of("\\$A", options) == "\\hello");
  CHECK(value_of("C:\\Windows\\$A", options) == "C:\\Windows\\hello");
  CHECK(value_of("\"`\"\"", options) == "\"");
  CHECK(value_of("\"a`$A\"", options) == "a$A");
  CHECK(value_of("\"a``b\"", options) == "a`b");
  CHECK(value_of("\"a`b\"", options) == "a`b");
  CHECK(value_of("\"a\\\"", options) == "a\\");
  CHECK(value_of("a``b", options) == "a`b");
  CHECK(value_of("${B:-a`}b}", options) == "a}b");
  // `\` is an ordinary character for the lexer, but patterns always escape with `\`; the
  // backtick stays in a pattern (raw escapes) and is then an ordinary character.
  const auto vars = lookup_from({{"P", "a*b`c"}});
  CHECK(expand_word("${P#a\\*}", vars, options).value == "b`c");
  CHECK(expand_word("${P#a*}", vars, options).value == "*b`c");
  CHECK(expand_word("${P%`c}", vars, options).value == "a*b");
  CHECK(expand_word("${P%``c}", vars, options).value == "a*b`c");
}

TEST_CASE("unicode text") {
  CHECK(value_of("안녕하세요") == "안녕하세요");
  CHECK(value_of("안'녕'하세요") == "안녕하세요");
  CHECK(value_of("안녕\\'하세요") == "안녕'하세요");
  CHECK(value_of("\"안녕'하세요\"") == "안녕'하세요");
  CHECK(value_of("'안녕하세요\\'") == "안녕하세요\\");
  CHECK(value_of("\"안녕\\$하세요\"") == "안녕$하세요");
  CHECK(value_of("안녕\\\\$하세요") == "안녕\\");  // 하세요 is a name
  CHECK(value_of("안녕${hi}xx") == "안녕xx");
  CHECK(value_of("${KOREAN#?}") == "국어");
  CHECK(value_of("${KOREAN%?}") == "한국");
  CHECK(value_of("${KOREAN/국/-}") == "한-어");
  CHECK(value_of("😀$A😀") == "😀hello😀");
  CHECK(error_of("안'녕하세요") ==
        "unexpected end of statement while looking for matching single-quote");
}

TEST_CASE("bytes the Go scanner rewrites") {
  // Invalid UTF-8 in the word becomes U+FFFD; a byte order mark is dropped at the start only.
  CHECK(value_of("a\xFFz") == "a\xEF\xBF\xBDz");
  CHECK(value_of("\xC3") == "\xEF\xBF\xBD");
  CHECK(value_of("\xEF\xBB\xBF$A") == "hello");
  CHECK(value_of("x\xEF\xBB\xBF") == "x\xEF\xBB\xBF");
  CHECK(value_of(std::string_view("a\0b", 3)) == std::string("a\0b", 3));
  // Values are copied as they are.
  const auto vars = lookup_from({{"V", "a\xFFz"}});
  CHECK(expand_word("$V", vars).value == "a\xFFz");
  CHECK(expand_word("${V#a}", vars).value == "\xFFz");
  // Suffix trimming goes through runes, so BuildKit rewrites the value there.
  CHECK(expand_word("${V%z}", vars).value == "a\xEF\xBF\xBD");
}

TEST_CASE("empty word") {
  const auto result = expand_word("", table_vars());
  CHECK(result.value.empty());
  CHECK_FALSE(result.error);
  CHECK(result.referenced.empty());
  CHECK(expand_words("", table_vars()).words.empty());
  CHECK(expand_words("   ", table_vars()).words.empty());
}

// ---- patterns ------------------------------------------------------------------------------

TEST_CASE("prefix and suffix trimming") {
  const auto vars = lookup_from({{"FOO", "xxyy"}, {"BAR", "x"}, {"EMPTY", ""}});
  const auto run = [&](std::string_view word) { return expand_word(word, vars).value; };
  CHECK(run("${FOO#*x*y}") == "y");
  CHECK(run("${FOO#*}") == "xxyy");
  CHECK(run("${FOO##*}") == "");
  CHECK(run("${FOO#$BAR}") == "xyy");
  CHECK(run("${FOO#$EMPTY}") == "xxyy");
  CHECK(run("${FOO#}") == "xxyy");
  CHECK(run("${FOO##}") == "xxyy");
  CHECK(run("${FOO##*x}") == "yy");
  CHECK(run("${FOO#*x}") == "xyy");
  CHECK(run("${FOO#y}") == "xxyy");
  CHECK(run("${FOO%}") == "xxyy");
  CHECK(run("${FOO%%}") == "xxyy");
  CHECK(run("${FOO%x}") == "xxyy");
  CHECK(run("${FOO%y}") == "xxy");
  CHECK(run("${FOO%y*}") == "xxy");
  CHECK(run("${FOO%%y*}") == "xx");
  CHECK(run("${FOO%%$EMPTY}") == "xxyy");
  CHECK(run("${FOO%*}") == "xxyy");
  CHECK(run("${FOO%%*}") == "");
  CHECK(run("${FOO%?}") == "xxy");
  CHECK(run("${FOO#??}") == "yy");
  CHECK(run("${FOO#?????}") == "xxyy");
  CHECK(run("${ABC:-.}${FOO%x}${ABC:-.}") == ".xxyy.");
  CHECK(run("${U#x}") == "");
  CHECK(run("${U%x}") == "");
}

TEST_CASE("pattern escapes") {
  const auto run = [](std::string_view word, std::string value) {
    return expand_word(word, lookup_from({{"FOO", std::move(value)}}));
  };
  CHECK(run("${FOO#()[]{\\}^$.\\*\\?|\\\\}", "()[]{}^$.*?|\\x").value == "x");
  CHECK(run("${FOO%%\\**}", "xx**").value == "xx");
  CHECK(run("${FOO%%\\**\\*}", "a***yy*").value == "a");
  CHECK(run("${FOO#?\\?}", "???y").value == "?y");
  CHECK(run("${FOO#\\*}", "*x").value == "x");
  CHECK(run("${FOO#\\*}", "yx").value == "yx");
  CHECK(run("${FOO#a\\/}", "a/b").value == "b");
  CHECK(run("${FOO#[ab]}", "[ab]c").value == "c");  // no bracket classes
  CHECK(run("${FOO#.}", "xy").value == "xy");       // regexp metacharacters are literal
  CHECK(run("${FOO#a+}", "a+b").value == "b");
  CHECK(run("${FOO#\\a}", "ab").error == "invalid pattern (\\a) in substitution: invalid escape '\\a'");
  // The suffix error shows the pattern reversed, as BuildKit builds it.
  CHECK(run("${FOO%ab\\c}", "x").error ==
        "invalid pattern (\\cba) in substitution: invalid escape '\\c'");
  CHECK(run("${FOO/\\a/x}", "ab").error ==
        "invalid pattern (\\a) in substitution: invalid escape '\\a'");
  // A backslash that ends the pattern (possible through quotes or a variable).
  CHECK(run("${FOO#'\\'}", "x").error ==
        "invalid pattern (\\) in substitution: invalid escape '\\\xEF\xBF\xBD'");
  const auto vars = lookup_from({{"FOO", "a\\b"}, {"P", "a\\"}});
  CHECK(expand_word("${FOO#$P}", vars).error ==
        "invalid pattern (a\\) in substitution: invalid escape '\\\xEF\xBF\xBD'");
  CHECK(expand_word("${FOO%$P}", vars).error ==
        "invalid pattern (\\a) in substitution: invalid escape '\\a'");
  // In double quotes inside a pattern, raw escapes double a lone backslash, so `\b` matches a
  // backslash and a b.
  CHECK(expand_word("${FOO#\"a\\b\"}", vars).value == "");
  CHECK(expand_word("${FOO#\"a\\\\\"}", vars).value == "b");
}

TEST_CASE("patterns are expanded, and quotes in them are removed, before matching") {
  const auto vars = lookup_from({{"FOO", "a*b*c"}, {"P", "*"}, {"H", "#*b"}});
  CHECK(expand_word("${FOO#$P}", vars).value == "a*b*c");
  CHECK(expand_word("${FOO##$P}", vars).value == "");
  CHECK(expand_word("${FOO#\"*\"}", vars).value == "a*b*c");  // quotes do not make `*` literal
  CHECK(expand_word("${FOO#'a*'}", vars).value == "*b*c");
  // The doubled `#` is recognised after expansion.
  CHECK(expand_word("${FOO#$H}", vars).value == "*c");
  CHECK(expand_word("${FOO#\"#\"*b}", vars).value == "*c");
}

TEST_CASE("stars and question marks never match a newline") {
  CHECK(value_of("${NL#*}") == "ab\ncd");
  CHECK(value_of("${NL##*}") == "\ncd");
  CHECK(value_of("${NL%*}") == "ab\ncd");
  CHECK(value_of("${NL%%*}") == "ab\n");
  CHECK(value_of("${NL#??}") == "\ncd");
  CHECK(value_of("${NL#???}") == "ab\ncd");
  CHECK(value_of("${NL//*/X}") == "X\nX");
  CHECK(value_of("${NL/*/X}") == "X\ncd");
  CHECK(value_of("${NL//?/X}") == "XX\nXX");
  CHECK(value_of("${NL//b*c/X}") == "ab\ncd");
  const auto vars = lookup_from({{"V", "ab\ncd\nef"}, {"P", "*\n"}, {"Q", "b\n*"}});
  // A literal newline (only possible through a variable or a heredoc body) does match.
  CHECK(expand_word("${V#$P}", vars).value == "cd\nef");
  CHECK(expand_word("${V##$P}", vars).value == "cd\nef");
  CHECK(expand_word("${V%$Q}", vars).value == "ab\ncd\nef");
  CHECK(expand_word("${V/$Q/X}", vars).value == "aX\nef");
  CHECK(expand_word("${V//?\n/X}", vars).value == "aXcXef");
  CHECK(expand_word("${V//*\n*/X}", vars).value == "XX");
}

TEST_CASE("replacement") {
  const auto vars = lookup_from({{"FOO", "/foo*/*/*.txt"}, {"NEEDLE", "\\*/"}});
  CHECK(expand_word("${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", vars).value ==
        "/foo.*/*.txt - /foo..*.txt");
  const auto paths = lookup_from({{"FOO", "/tmp/tmp/bar.txt"}, {"NEEDLE", "/tmp"}});
  CHECK(expand_word("${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}", paths).value == "/tmp/bar.txt - /bar.txt");
  const auto wild = lookup_from({{"FOO", "/a/foo/b/c.txt"}, {"NEEDLE", "/?/"}, {"R", "/"}});
  CHECK(expand_word("${FOO/$NEEDLE/$R} - ${FOO//$NEEDLE/$R}", wild).value ==
        "/foo/b/c.txt - /foo/c.txt");
  const auto url = lookup_from({{"FOO", "http://google.de"}, {"N", "http://"}, {"R", "https://"}});
  CHECK(expand_word("${FOO/$N/$R}", url).value == "https://google.de");
  const auto tmp = lookup_from({{"FOO", "/tmp/foo.txt"}});
  CHECK(expand_word("${FOO//\\//\\/}", tmp).value == "\\/tmp\\/foo.txt");  // raw escapes stay
  const auto short_value = lookup_from({{"FOO", "xxyy"}, {"BAR", ""}});
  CHECK(expand_word("${FOO/$BAR/ww}", short_value).value == "wwxxyy");
  CHECK(expand_word("${FOO///}", short_value).value == "xxyy");
  CHECK(expand_word("${FOO//x/}", short_value).value == "yy");
  CHECK(expand_word("${FOO/x*/Z}", short_value).value == "Z");
  CHECK(expand_word("${FOO/x*y/Z}", short_value).value == "Z");
  CHECK(expand_word("${FOO//?/Z}", short_value).value == "ZZZZ");
  CHECK(expand_word("${FOO/}/Z}", lookup_from({{"FOO", "a}b"}})).value == "aZb");
  CHECK(expand_word("${FOO/\\}/Z}", lookup_from({{"FOO", "a}b"}})).value == "aZb");
  CHECK(expand_word("${U///}", short_value).value == "");
  CHECK(expand_word("${FOO//ww}", short_value).error == "syntax error: missing '/' in ${}");
  CHECK(expand_word("${FOO//}", short_value).error == "syntax error: missing '/' in ${}");
  CHECK(expand_word("${FOO/b}", short_value).error == "syntax error: missing '/' in ${}");
}

TEST_CASE("replace-all follows Go's ReplaceAllString") {
  const auto vars = lookup_from({{"V", "abc"}, {"E", ""}});
  const auto run = [&](std::string_view word) { return expand_word(word, vars).value; };
  // An empty pattern matches between every rune.
  CHECK(run("${V///-}") == "-a-b-c-");
  CHECK(run("${V//$E/-}") == "-a-b-c-");
  CHECK(run("${V/$E/-}") == "-abc");
  // `*` takes the whole line; the empty match right after it is not replaced.
  CHECK(run("${V//*/X}") == "X");
  CHECK(run("${E//*/X}") == "X");
  CHECK(run("${E/*/X}") == "X");
  CHECK(run("${U//*/X}") == "X");
  CHECK(run("${E//a/X}") == "");
  CHECK(run("${V//b*/X}") == "aX");
  CHECK(run("${V//*b/X}") == "Xc");
}

TEST_CASE("replace-all expands Go template references in the replacement") {
  const auto run = [](std::string replacement) {
    return expand_word("${V//b/$R}", lookup_from({{"V", "abc"}, {"R", std::move(replacement)}}))
        .value;
  };
  CHECK(run("<$0>") == "a<b>c");
  CHECK(run("${0}x") == "abxc");
  CHECK(run("$$") == "a$c");
  CHECK(run("$") == "a$c");
  CHECK(run("$1") == "ac");
  CHECK(run("$00") == "ac");
  CHECK(run("$0x") == "ac");
  CHECK(run("$x!") == "a!c");
  CHECK(run("${0") == "a${0c");
  CHECK(run("${}") == "a${}c");
  CHECK(run("$-") == "a$-c");
  // The single replacement is literal.
  CHECK(expand_word("${V/b/$R}", lookup_from({{"V", "abc"}, {"R", "<$0>"}})).value == "a<$0>c");
  // An escaped `$` reaches the template with its backslash (raw escapes).
  CHECK(expand_word("${V//b/\\$0}", lookup_from({{"V", "abc"}})).value == "a\\bc");
  CHECK(expand_word("${V/b/\\$0}", lookup_from({{"V", "abc"}})).value == "a\\$0c");
}

// Brute-force leftmost-first matching, the way a backtracking regexp engine would report it:
// a reference for the matcher on small random inputs.
namespace {

long reference_match(const std::string& pattern, std::size_t at, const std::string& text,
                     std::size_t pos, bool greedy) {
  if (at == pattern.size()) return static_cast<long>(pos);
  const char atom = pattern[at];
  if (atom == '*') {
    std::size_t run = pos;
    while (run < text.size() && text[run] != '\n') ++run;
    for (std::size_t i = 0; i <= run - pos; ++i) {
      const std::size_t end = greedy ? run - i : pos + i;
      const long found = reference_match(pattern, at + 1, text, end, greedy);
      if (found >= 0) return found;
    }
    return -1;
  }
  if (pos >= text.size()) return -1;
  if (atom == '?' ? text[pos] == '\n' : text[pos] != atom) return -1;
  return reference_match(pattern, at + 1, text, pos + 1, greedy);
}

std::pair<long, long> reference_find(const std::string& pattern, const std::string& text,
                                     std::size_t from) {
  for (std::size_t start = from; start <= text.size(); ++start) {
    const long end = reference_match(pattern, 0, text, start, true);
    if (end >= 0) return {static_cast<long>(start), end};
  }
  return {-1, -1};
}

std::string reference_replace(const std::string& value, const std::string& pattern, bool all) {
  if (!all) {
    const auto [begin, end] = reference_find(pattern, value, 0);
    if (begin < 0) return value;
    return value.substr(0, begin) + "X" + value.substr(end);
  }
  std::string out;
  std::size_t last_end = 0;
  std::size_t search = 0;
  while (search <= value.size()) {
    const auto [begin, end] = reference_find(pattern, value, search);
    if (begin < 0) break;
    out += value.substr(last_end, begin - last_end);
    if (static_cast<std::size_t>(end) > last_end || begin == 0) out += "X";
    last_end = static_cast<std::size_t>(end);
    search = static_cast<std::size_t>(end) > search ? static_cast<std::size_t>(end) : search + 1;
  }
  return out + value.substr(last_end);
}

std::string reversed(std::string text) { return {text.rbegin(), text.rend()}; }

}  // namespace

TEST_CASE("pattern matching agrees with a backtracking reference") {
  std::mt19937 random(20240607);
  const std::string value_alphabet = "ab\n";
  const std::string pattern_alphabet = "ab\n*?";
  const auto pick = [&](const std::string& alphabet, std::size_t max_length) {
    std::string text(random() % (max_length + 1), ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    return text;
  };
  for (int round = 0; round < 4000; ++round) {
    const std::string value = pick(value_alphabet, 9);
    const std::string pattern = pick(pattern_alphabet, 6);
    const auto vars = lookup_from({{"V", value}, {"P", pattern}});
    INFO("value: " << value << " pattern: " << pattern);

    const long lazy = reference_match(pattern, 0, value, 0, false);
    const long greedy = reference_match(pattern, 0, value, 0, true);
    CHECK(expand_word("${V#$P}", vars).value == (lazy < 0 ? value : value.substr(lazy)));
    CHECK(expand_word("${V##$P}", vars).value == (greedy < 0 ? value : value.substr(greedy)));

    const std::string back = reversed(value);
    const long lazy_back = reference_match(reversed(pattern), 0, back, 0, false);
    const long greedy_back = reference_match(reversed(pattern), 0, back, 0, true);
    CHECK(expand_word("${V%$P}", vars).value ==
          value.substr(0, value.size() - static_cast<std::size_t>(std::max(0L, lazy_back))));
    CHECK(expand_word("${V%%$P}", vars).value ==
          value.substr(0, value.size() - static_cast<std::size_t>(std::max(0L, greedy_back))));

    CHECK(expand_word("${V/$P/X}", vars).value == reference_replace(value, pattern, false));
    CHECK(expand_word("${V//$P/X}", vars).value == reference_replace(value, pattern, true));
  }
}

// ---- options -------------------------------------------------------------------------------

TEST_CASE("keep_quotes (RawQuotes)") {
  ExpansionOptions options;
  options.keep_quotes = true;
  CHECK(value_of("'$A'", options) == "'$A'");
  CHECK(value_of("\"$A\"", options) == "\"hello\"");
  CHECK(value_of("a\"b c\"d", options) == "a\"b c\"d");
  CHECK(value_of("\"a\\\"b\"", options) == "\"a\"b\"");
  CHECK(value_of("${B:-\"x\"}", options) == "\"x\"");
  CHECK(value_of("\\'", options) == "'");
  CHECK(error_of("'x", options) ==
        "unexpected end of statement while looking for matching single-quote");
}

TEST_CASE("literal_quotes (SkipProcessQuotes, COPY/ADD heredoc bodies)") {
  ExpansionOptions options;
  options.literal_quotes = true;
  CHECK(value_of("'$A'", options) == "'hello'");
  CHECK(value_of("echo \"don't\" $A", options) == "echo \"don't\" hello");
  CHECK(value_of("\"unterminated", options) == "\"unterminated");
  CHECK(value_of("\\$A \\\\ \\n", options) == "$A \\ n");
  CHECK(value_of("line1\n${A}\nline3\n", options) == "line1\nhello\nline3\n");
  CHECK(value_of("${B:-'x y'}", options) == "'x y'");
  CHECK(value_of("${B:-'}'}", options) == "''}");
}

TEST_CASE("keep_escapes (RawEscapes)") {
  ExpansionOptions options;
  options.keep_escapes = true;
  CHECK(value_of("\\$A", options) == "\\$A");
  CHECK(value_of("a\\\\b", options) == "a\\\\b");
  CHECK(value_of("a\\", options) == "a\\");
  CHECK(value_of("\"\\$A\"", options) == "\\$A");
  CHECK(value_of("\"\\x\"", options) == "\\\\x");
  // `-` words drop them again; pattern words always keep them.
  CHECK(value_of("${B:-\\$A}", options) == "$A");
}

TEST_CASE("keep_unset (SkipUnsetEnv)") {
  ExpansionOptions options;
  options.keep_unset = true;
  CHECK(value_of("$B", options) == "$B");
  CHECK(value_of("${B}", options) == "${B}");
  CHECK(value_of("$A$B", options) == "hello$B");
  CHECK(value_of("${B:-x}", options) == "${B:-x}");
  CHECK(value_of("${B-$A}", options) == "${B-hello}");
  CHECK(value_of("${B?msg}", options) == "${B?msg}");
  CHECK(value_of("${B:=x}", options) == "${B:=x}");
  CHECK(value_of("${B##*/}", options) == "${B##*/}");
  CHECK(value_of("${B//a/b}", options) == "${B/a/b}");
  CHECK(value_of("${E:-x}", options) == "x");
  CHECK(error_of("${E:?empty}", options) == "E: empty");
  CHECK(value_of("$1", options) == "$1");
}

TEST_CASE("case-insensitive names (Windows)") {
  ExpansionOptions options;
  options.case_insensitive_names = true;
  const auto vars = lookup_from({{"Path", "C:\\bin"}, {"PATH", "C:\\later"}}, true);
  const auto result = expand_word("$path;${PaTh};$Other", vars, options);
  CHECK(result.value == "C:\\later;C:\\later;");
  CHECK(result.referenced == Strings{"path", "PaTh", "Other"});
  CHECK(result.unset == Strings{"Other"});
  CHECK(expand_word("$path", lookup_from({{"PATH", "x"}})).value == "");
  CHECK(expand_word("$path", lookup_from({{"PATH", "x"}}), options).value == "x");
}

TEST_CASE("lookup_from: a later duplicate wins, empty is set") {
  const auto vars = lookup_from({{"car", "hat"}, {"car", "bike"}, {"foo", ""}});
  CHECK(expand_word("$car", vars).value == "bike");
  CHECK(expand_word("${foo-unset}", vars).value == "");
  CHECK(expand_word("${bar-unset}", vars).value == "unset");
  CHECK(expand_word("${bar-unset}", VariableLookup{}).value == "unset");
}

// ---- referenced / unset ----------------------------------------------------------------------

TEST_CASE("referenced and unset names") {
  const auto result = expand_word("$A ${B:-$E} ${A} ${C:+x} '$D' \\$G \"$H\"", table_vars());
  CHECK(result.referenced == Strings{"A", "B", "E", "C", "H"});
  CHECK(result.unset == Strings{"B", "C", "H"});
  // Only names that are looked up count: `${A:-x}` with A set still looks up nothing in x.
  const auto nested = expand_word("${A:-$B}", table_vars());
  CHECK(nested.referenced == Strings{"A", "B"});
  CHECK(nested.unset == Strings{"B"});
  const auto special = expand_word("$1 $@ $$ ${#}", table_vars());
  CHECK(special.referenced == Strings{"1", "@", "$", "#"});
  CHECK(special.unset == special.referenced);
  CHECK(expand_word("${A=x}", table_vars()).referenced.empty());
  const auto patterns = expand_word("${F#$P}${G/$Q/$R}", table_vars());
  CHECK(patterns.referenced == Strings{"F", "P", "G", "Q", "R"});
  const auto words = expand_words("$A $X", table_vars());
  CHECK(words.referenced == Strings{"A", "X"});
  CHECK(words.unset == Strings{"X"});
}

// ---- words (ProcessWords) ------------------------------------------------------------------

TEST_CASE("expand_words splits on unquoted whitespace") {
  CHECK(words_of("a b  c") == Strings{"a", "b", "c"});
  CHECK(words_of("  a\tb\n") == Strings{"a", "b"});
  CHECK(words_of("\"a b\" c") == Strings{"a b", "c"});
  CHECK(words_of("'a b'c d") == Strings{"a bc", "d"});
  CHECK(words_of("a\\ b") == Strings{"a b"});
  CHECK(words_of("$SP") == Strings{"1", "2"});
  CHECK(words_of("x$SP") == Strings{"x1", "2"});
  CHECK(words_of("\"$SP\"") == Strings{"1 2"});
  CHECK(words_of("${B:-\"x y\"}") == Strings{"x", "y"});  // text from `$` splits, even quoted
  CHECK(words_of("\"\"") == Strings{});
  CHECK(words_of("\"\" a") == Strings{"a"});
  CHECK(words_of("x$E y") == Strings{"x", "y"});
  CHECK(words_of("80/tcp ${P:-443 8443}/udp") == Strings{"80/tcp", "443", "8443/udp"});
  CHECK(words_of("a\u00A0b\u3000c") == Strings{"a", "b", "c"});  // Go's unicode.IsSpace
  CHECK(words_of("a\u200Bb") == Strings{"a\u200Bb"});            // not whitespace
}

TEST_CASE("expand_words reproduces BuildKit's shared field buffer") {
  // A nested scan (any ${...} with a word) clears the field being built.
  CHECK(words_of("a${B:-x}c") == Strings{"xc"});
  CHECK(words_of("\"a\"${B/x/y}c") == Strings{"c"});
  CHECK(words_of("p ${B:-x}") == Strings{"p", "x"});
  CHECK(words_of("a${A}c") == Strings{"ahelloc"});
}

TEST_CASE("expand_words errors") {
  const auto result = expand_words("a ${B:?gone} b", table_vars());
  CHECK(result.error == "B: gone");
  CHECK(result.words.empty());
}

// ---- limits and speed ------------------------------------------------------------------------

TEST_CASE("nesting depth") {
  std::string ok_word;
  for (int i = 0; i < 500; ++i) ok_word += "${B:-";
  ok_word += "x";
  ok_word += std::string(500, '}');
  CHECK(value_of(ok_word) == "x");
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "${B:-";
  deep += std::string(5000, '}');
  CHECK(error_of(deep) == "syntax error: substitution nested too deeply");
}

TEST_CASE("long inputs take linear time") {
  std::string word;
  for (int i = 0; i < 200000; ++i) word += "$A'x'\"$A\"\\$";
  const auto start = std::chrono::steady_clock::now();
  const auto result = expand_word(word, table_vars());
  const auto words = expand_words(word, table_vars());
  CHECK(result.value.size() == 200000u * 12u);
  CHECK(words.words.size() == 1u);

  const auto vars = lookup_from({{"V", std::string(200000, 'a') + "b"}});
  CHECK(expand_word("${V//a/x}", vars).value.size() == 200001u);
  CHECK(expand_word("${V##*a}", vars).value == "b");
  CHECK(expand_word("${V%%a*}", vars).value.empty());
  CHECK(expand_word("${V#*b}", vars).value.empty());
  CHECK(expand_word("${V//a*b/x}", vars).value == "x");
  CHECK(expand_word("${V//*c/x}", vars).value.size() == 200001u);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  // A quadratic algorithm takes minutes here; the bound leaves room for a loaded CI machine.
  CHECK(elapsed < std::chrono::seconds(20));
}

}  // TEST_SUITE
