#pragma once
// A shell view over tree-sitter-bash: the simple commands of a script (or a RUN body) in source
// order, with their words, prefix assignments, redirections, how they are joined (`&&`, `||`,
// `|`, `;`), the constructs around them (if/for/function/subshell) and exact byte ranges.
// Words are evaluated on demand with a caller's variable lookup and command-substitution
// evaluator, so a driver reader can follow `id=$(docker create img)` and `${TAG:-latest}`.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "analysis/expansion.h"
#include "syntax/document.h"

namespace msm::analysis::shell {

using syntax::Range;

struct Command;

// `$(...)` or backticks inside a word; its commands are not part of the enclosing list.
struct Substitution {
  Range range;
  std::vector<Command> commands;
};

struct Word {
  std::string raw;  // as written (quotes and `$` kept)
  Range range;
  std::vector<Substitution> substitutions;  // in textual order
  // Variable names referenced without a default (`$X`, `${X}`): the word is dynamic when one
  // of them is unknown. `${X:-d}` and friends are not listed: they always have a value.
  std::vector<std::string> bare_references;
};

struct Redirect {
  std::string op;                // ">", ">>", "<", "&>", ">&", "<<", "<<<" ...
  std::optional<uint32_t> fd;    // the descriptor written before the operator
  std::optional<Word> target;    // file or descriptor; none for heredocs
  std::string heredoc;           // heredoc body, when op is "<<" or "<<-"
  Range range;
};

struct Assignment {
  std::string name;
  std::optional<Word> value;  // none for `X=`
  Range range;
};

enum class Connector {
  Sequence,  // first in its list, or after `;`, a newline or `&`
  And,       // after `&&`
  Or,        // after `||`
  Pipe,      // after `|` (or `|&`)
};

struct Command {
  std::vector<Assignment> assignments;  // prefix `A=1 cmd`, or the whole statement `A=1`
  std::vector<Word> words;              // command name first; empty for a bare assignment
  std::vector<Redirect> redirects;
  Range range;                          // the command with its redirections
  uint32_t line = 1;                    // 1-based line of range.start
  Connector connector = Connector::Sequence;
  size_t pipeline = 0;                  // id shared by the commands of one pipeline; 0 = none
  size_t pipe_index = 0;                // position within that pipeline
  std::vector<std::string> context;     // enclosing constructs, outermost first: "if",
                                        // "condition", "for", "while", "case", "subshell", "not"
  bool declaration = false;             // export/local/readonly/declare: assignments only
  bool test = false;                    // `[ ... ]` / `[[ ... ]]`

  std::string_view name() const { return words.empty() ? std::string_view() : std::string_view(words[0].raw); }
  bool inside(std::string_view construct) const;
};

struct Function {
  std::string name;
  std::vector<Command> body;
  Range range;
};

struct Problem {
  Range range;
  uint32_t line = 1;
  std::string message;
};

class Script {
 public:
  // Parses any bytes as bash. A UTF-8 BOM is read as blanks (byte offsets stay valid).
  static std::unique_ptr<Script> parse(std::string source);
  // The same, but shared with earlier parses of the same text on this thread: a corpus or a
  // language server meets the same RUN bodies again and again (one image's variants, every
  // edit of one file), and the tree-sitter-bash parse is most of a lint. A Script is immutable,
  // so sharing it is safe; the cache is bounded (see shell.cpp).
  static std::shared_ptr<const Script> parse_shared(std::string source);
  ~Script();
  Script(const Script &) = delete;
  Script &operator=(const Script &) = delete;

  const std::string &source() const { return m_source; }
  std::string_view text(Range r) const { return std::string_view(m_source).substr(r.start, r.end - r.start); }
  // Top-level commands in source order; function bodies are in functions().
  const std::vector<Command> &commands() const { return m_commands; }
  const std::map<std::string, Function, std::less<>> &functions() const { return m_functions; }
  const std::vector<Problem> &problems() const { return m_problems; }
  uint32_t line_of(uint32_t byte) const { return m_lines.line_of(byte); }
  // End of the last top-level statement, trailing comments and blanks excluded: where text
  // appended to the script (`&& cleanup`) still runs as part of it. 0 for an empty script.
  uint32_t code_end() const { return m_code_end; }

 private:
  Script() = default;
  friend class Reader;

  std::string m_source;
  syntax::LineIndex m_lines;
  uint32_t m_code_end = 0;
  std::vector<Command> m_commands;
  std::map<std::string, Function, std::less<>> m_functions;
  std::vector<Problem> m_problems;
};

// Word evaluation --------------------------------------------------------------------------

struct WordValue {
  std::string value;
  bool dynamic = false;              // depends on something unknown (unset variable, failed substitution)
  std::vector<std::string> unknown;  // what made it dynamic
};

// Returns a substitution's output, or nullopt when it cannot be known statically.
using SubstitutionEval = std::function<std::optional<std::string>(const Substitution &)>;

// Quote removal and parameter expansion of one word, as the shell does it (no field
// splitting, no globbing: drivers quote or use single-field values).
WordValue evaluate(const Word &word, const VariableLookup &lookup, const SubstitutionEval &substitute);

// Convenience: the words of a command, evaluated.
std::vector<WordValue> evaluate_all(const std::vector<Word> &words, const VariableLookup &lookup,
                                    const SubstitutionEval &substitute);

// The language of tree-sitter-bash (node_modules/tree-sitter-bash, compiled into msm_core).
extern "C" const TSLanguage *tree_sitter_bash(void);

}  // namespace msm::analysis::shell
