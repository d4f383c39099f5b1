#pragma once
// BuildKit's build-time word processing (its shell lexer): quote removal and `$var` expansion,
// as pure functions. See notes/dockerfile-syntax.md §11. Behaviour follows BuildKit's
// frontend/dockerfile/shell lexer, quirks included; the deliberate differences are listed at
// the end of this comment.
//
// Supported: $v ${v} ${v:-x} ${v-x} ${v:+x} ${v+x} ${v:?x} ${v?x} ${v#p} ${v##p} ${v%p} ${v%%p}
// ${v/p/r} ${v//p/r}. Patterns know only `*` and `?` (neither matches a newline, as in Go's
// regexp); `\*` `\?` `\\` are literal, `\}` `\/` drop the backslash, any other `\x` is the error
// "invalid pattern (p) in substitution: invalid escape '\x'".
//
// As in BuildKit, the word of a modifier is always expanded, even when it is not used:
// `${A:-${B:?x}}` fails with A set.
//
// Errors carry BuildKit's inner message, without its `failed to process "<word>": ` prefix:
//   "syntax error: bad substitution", "syntax error: missing '}'",
//   "syntax error: missing '/' in ${}", "unsupported modifier (:=) in substitution",
//   "B: need B", "B: is not allowed to be unset", "B: is not allowed to be empty",
//   "unexpected end of statement while looking for matching single-quote" (or double-quote).
//
// Differences from BuildKit, on purpose:
//   * `${` nested deeper than max_substitution_depth is an error instead of unbounded recursion.
//   * Case-insensitive names are upper-cased in ASCII only (Go upper-cases all of Unicode).
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace msm::analysis {

// Returns the variable's value, or nullopt when it is not set (set-but-empty is "").
using VariableLookup = std::function<std::optional<std::string>(std::string_view name)>;

struct ExpansionOptions {
  char escape = '\\';  // the Dockerfile's escape directive: '\\' or '`'
  // BuildKit's RawQuotes: quotes are still processed ('$A' stays unexpanded) but are kept in the
  // result. Current BuildKit does NOT use this for COPY/ADD heredoc bodies: it uses literal_quotes.
  bool keep_quotes = false;
  // BuildKit's SkipProcessQuotes: ' and " are ordinary characters, so '$A' expands. This is what
  // current BuildKit uses for COPY/ADD heredoc bodies with expand=true (with escape '\\', whatever
  // the directive says).
  bool literal_quotes = false;
  // BuildKit's RawEscapes: the escape character is kept in the result as well as escaping.
  bool keep_escapes = false;
  // BuildKit's SkipUnsetEnv: a substitution of an unset variable is left as written
  // (`$X`, `${X}`, `${X:-d}`...), and `${X?msg}` of an unset X is then no error.
  bool keep_unset = false;
  // Windows images: names are upper-cased (ASCII) before they are passed to the lookup, so the
  // lookup must match upper-cased keys (lookup_from(vars, true) does).
  bool case_insensitive_names = false;
};

struct Expansion {
  std::string value;                 // the word after quote removal and expansion ("" on error)
  std::optional<std::string> error;  // set instead of throwing
  // Every variable name the word looked up, first textual occurrence first, without duplicates.
  // Includes positional and special parameters ($1, $@, $$...), which BuildKit also looks up.
  std::vector<std::string> referenced;
  std::vector<std::string> unset;  // the referenced names that were not set, same order
};

Expansion expand_word(std::string_view word, const VariableLookup& lookup,
                      const ExpansionOptions& options = {});

// BuildKit's ProcessWords: expand, then split into fields on unquoted Unicode whitespace (text
// from quotes and escaped characters never splits; text from `$` expansion does). Empty fields
// are dropped, so `""` gives no field. EXPOSE uses this; ENV/LABEL use expand_word.
struct WordsExpansion {
  std::vector<std::string> words;
  std::optional<std::string> error;
  std::vector<std::string> referenced;
  std::vector<std::string> unset;
};

WordsExpansion expand_words(std::string_view text, const VariableLookup& lookup,
                            const ExpansionOptions& options = {});

// Convenience for tests and simple callers. A later duplicate key wins (as in BuildKit).
// case_insensitive: keys and queried names are compared upper-cased (ASCII).
VariableLookup lookup_from(std::vector<std::pair<std::string, std::string>> vars,
                           bool case_insensitive = false);

// Nesting limit for `${...}` inside `${...}` (and quotes inside them); deeper is an error.
inline constexpr std::size_t max_substitution_depth = 1000;

}  // namespace msm::analysis
