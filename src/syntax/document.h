#pragma once
// The one parsed, lossless view of a Dockerfile that every feature reads: the source bytes,
// the tree-sitter tree, and typed instructions whose arguments are exactly what BuildKit's
// parser reports, each with the byte range it came from.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "syntax/line_index.h"

namespace msm::syntax {

struct Range {
  uint32_t start = 0;  // byte offsets into Document::source(), end exclusive
  uint32_t end = 0;
  bool operator==(const Range &) const = default;
};

enum class InstructionKind {
  From, Run, Cmd, Label, Maintainer, Expose, Env, Add, Copy, Entrypoint, Volume, User,
  Workdir, Arg, Onbuild, Stopsignal, Healthcheck, Shell, Unknown,
};

// Upper-case BuildKit keyword for a kind ("FROM"); "" for Unknown.
std::string_view keyword_name(InstructionKind kind);
InstructionKind kind_from_keyword(std::string_view keyword);  // any case

struct Argument {
  std::string value;  // as BuildKit's `next` entry
  Range range;        // where it is written (continuations may lie inside)
};

struct Flag {
  std::string raw;    // BuildKit's flag entry: "--from=build" (quotes removed)
  std::string name;   // "from"
  std::optional<std::string> value;  // "build"; nullopt for a bare "--link"
  Range range;
};

struct Heredoc {
  std::string name;
  uint64_t fd = 0;
  bool expand = true;
  bool chomp = false;
  std::string content;    // raw body up to the terminator line, line endings kept
  Range marker;           // `<<EOF` in the instruction line
  Range body;             // content bytes
  Range terminator;       // the terminator line (empty when unterminated)
  bool terminated = true;
};

struct Instruction {
  InstructionKind kind = InstructionKind::Unknown;
  std::string keyword;            // as written
  Range keyword_range;
  std::vector<Flag> flags;
  std::vector<Argument> args;     // BuildKit's `next`
  bool json = false;              // exec form
  std::vector<Heredoc> heredocs;  // on ONBUILD they belong to the outer node, as in BuildKit
  std::unique_ptr<Instruction> trigger;  // ONBUILD's instruction
  std::string original;           // the joined logical line
  Range range;                    // everything, heredoc bodies included
  Range line_range;               // the instruction's own lines (no heredoc bodies)
  uint32_t start_line = 0;        // 1-based physical lines, heredocs included
  uint32_t end_line = 0;
  std::vector<std::string> prev_comment;  // BuildKit's comments directly above
  std::optional<std::string> error;       // a BuildKit parser error for this line
  TSNode node{};                  // the tree node (null for ONBUILD triggers' copies)

  bool is(InstructionKind k) const { return kind == k; }
  const Flag *flag(std::string_view name) const;  // last occurrence, as BuildKit does
};

struct Directive {
  std::string key;    // lower-case: syntax, escape, check
  std::string value;
  Range range;
};

struct Comment {
  std::string text;   // without the leading '#', as written
  Range range;
};

// Something the parser layer rejects or cannot read; lint reports these as errors.
struct SyntaxProblem {
  Range range;
  std::string message;
};

class Document {
 public:
  // Parses `source` (any bytes). `path` is only used in messages.
  static std::unique_ptr<Document> parse(std::string source, std::string path = "-");
  // Parses `source`, the text of `previous` after `edits` (in order, each in the coordinates
  // left by the one before), reusing the unchanged parts of previous's tree (tree-sitter's
  // incremental parse). The result is the same as parse(source, previous.path()).
  static std::unique_ptr<Document> reparse(const Document &previous, std::string source,
                                           const std::vector<TSInputEdit> &edits);
  ~Document();
  Document(const Document &) = delete;
  Document &operator=(const Document &) = delete;

  const std::string &path() const { return m_path; }
  const std::string &source() const { return m_source; }
  std::string_view text(Range r) const { return std::string_view(m_source).substr(r.start, r.end - r.start); }
  const LineIndex &lines() const { return m_lines; }
  TSTree *tree() const { return m_tree; }
  TSNode root() const;

  char escape() const { return m_escape; }
  const std::vector<Directive> &directives() const { return m_directives; }
  const std::vector<Instruction> &instructions() const { return m_instructions; }
  const std::vector<Comment> &comments() const { return m_comments; }
  const std::vector<SyntaxProblem> &problems() const { return m_problems; }
  const std::vector<std::string> &warnings() const { return m_warnings; }
  const Directive *directive(std::string_view key) const;

 private:
  Document() = default;
  static std::unique_ptr<Document> parse_with(std::string source, std::string path, TSTree *old_tree);
  void build();
  void read_directive(TSNode node);
  Instruction read_instruction(TSNode node);
  void collect_tree_errors(TSNode node);

  std::string m_path;
  std::string m_source;
  LineIndex m_lines;
  TSTree *m_tree = nullptr;
  char m_escape = '\\';
  std::vector<Directive> m_directives;
  std::vector<Instruction> m_instructions;
  std::vector<Comment> m_comments;
  std::vector<SyntaxProblem> m_problems;
  std::vector<std::string> m_warnings;
};

// The tree-sitter language of our grammar (grammar/src/parser.c).
extern "C" const TSLanguage *tree_sitter_dockerfile(void);

}  // namespace msm::syntax
