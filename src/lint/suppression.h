#pragma once
// Suppression comments, read in one place for the lint engine and the language server:
//   # msmigrate ignore=CODE,NAME   # hadolint ignore=...     the next instruction
//   # msmigrate global ignore=...   # hadolint global ignore=...   the whole file
//   # check=skip=Name,Name;error=true                         BuildKit's file policy
// Keywords match in any case; hadolint allows a trailing comment after the list (`ignore=DL3008 # why`).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msm::lint {

enum class SuppressionKind { NextInstruction, File, BuildkitSkip };

struct SuppressionComment {
  SuppressionKind kind = SuppressionKind::NextInstruction;
  std::string_view tool;           // "msmigrate" or "hadolint"; empty for `check=skip`
  std::vector<std::string> names;  // as written
  // Where the list ends in the text given (after its last name, before blanks or a trailing
  // comment): where another name is appended.
  size_t list_end = 0;
};

// A comment's text (without `#`) read as a suppression, if it is one.
std::optional<SuppressionComment> parse_suppression_comment(std::string_view comment_text);

// Whether a comment's text (without `#`) is an inline ignore pragma: `hadolint ignore=...`,
// `msmigrate global ignore=...` (BuildKit's `check=skip` is not one).
bool is_ignore_pragma(std::string_view comment_text);

// The value of a `# check=` directive: its skip list (`skip=A,B;error=true` -> A and B).
std::optional<std::vector<std::string>> check_skip_names(std::string_view directive_value);
// `skip=...;error=true`: BuildKit fails the build on any of its checks' warnings.
bool check_error_flag(std::string_view directive_value);

}  // namespace msm::lint
