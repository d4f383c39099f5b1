#pragma once
// Shared by the rules that read single commands of RUN scripts (DL3001, DL3003, DL3004, DL3010,
// DL3046, DL3047, DL4001, DL4005, DL4006): every command with the program it runs (wrappers such
// as `sudo` or `env X=1` looked through, `command -v x` is a lookup and runs nothing), GNU-style
// option reading (clusters like `-qO-`, `--name=value`) and positions of words in the Dockerfile.

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/run_script.h"
#include "lint/context.h"

namespace msm::lint::checks::shell_rules {

struct CommandAt {
  const analysis::RunView &run;
  const analysis::RunScript &script;
  const analysis::RunCommand &at;
  size_t program = 0;  // word index of the program run, after wrappers
  std::string name;    // its base name, quotes removed: "useradd" for `sudo /usr/sbin/useradd`

  const analysis::shell::Command &command() const { return *at.command; }
  // The word's text with quotes removed (`"$X"` -> `$X`), and whether it holds an expansion.
  std::string text(size_t word) const;
  bool dynamic(size_t word) const;
  syntax::Range word_range(size_t word) const;
  syntax::Range words_range(size_t first, size_t last) const;
};

// Every command of every RUN script running one of `programs` (base names), in source order (top
// level, then the commands of its substitutions, then function bodies, as RunScript::commands()
// lists them). Commands whose first word is plainly something else are skipped without
// unquoting their words: this runs for every command of every file on save.
void for_each_command(const Context &ctx, std::initializer_list<std::string_view> programs,
                      const std::function<void(const CommandAt &)> &fn);

// The options of a command, read the GNU way until the first operand after `--`.
struct ParsedOptions {
  struct Option {
    std::string name;   // "-q", "--quiet", "-nv" (wget's two-letter ones are given whole)
    std::string value;  // for options taking one ("-O-" -> "-", "--output-document=x" -> "x")
    size_t word = 0;                   // the option's word
    std::optional<size_t> value_word;  // the separate value word, when the value is one
  };
  std::vector<Option> options;
  std::vector<size_t> operands;  // word indices

  bool has(std::string_view name) const;
  const Option *find(std::string_view name) const;
  // Where the option is written, its separate value included.
  syntax::Range range(const CommandAt &c, const Option &o) const;
};

struct OptionSyntax {
  std::string_view short_with_value;                 // letters taking a value: "Oo" for wget
  std::vector<std::string_view> long_with_value;     // "--output-document"
  std::string_view two_letter_prefixes;              // wget's `-nv`, `-nc`: 'n' starts a two-letter option
  bool options_after_operands = true;                // GNU permutation (false: POSIX, stop at the first operand)
};

ParsedOptions parse_options(const CommandAt &c, const OptionSyntax &syntax);

// A fix edit inserting `text` right after word `word` (nullopt when the word is not written
// contiguously in the Dockerfile).
std::optional<edit::TextEdit> insert_after_word(const CommandAt &c, size_t word, std::string_view text);

}  // namespace msm::lint::checks::shell_rules
