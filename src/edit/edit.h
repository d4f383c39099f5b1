#pragma once
// Text edits and fixes: what every change to a Dockerfile is (lint fixes, formatting, stage
// naming, COPY reordering, conversion). One applier applies them; callers re-parse the result.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msm::edit {

struct TextEdit {
  uint32_t start = 0;  // byte offsets into the text the edit was made for; end exclusive
  uint32_t end = 0;
  std::string content;  // replacement
  bool operator==(const TextEdit &) const = default;
};

enum class Applicability {
  Safe,         // applied by --fix: cannot change what the image does
  Unsafe,       // applied by --unsafe-fixes: may change behaviour in rare cases
  DisplayOnly,  // shown, never applied automatically
};

std::string_view to_string(Applicability a);

struct Fix {
  std::string title;
  Applicability applicability = Applicability::Safe;
  std::vector<TextEdit> edits;
};

struct ApplyResult {
  std::string text;
  size_t applied = 0;                 // fixes applied
  std::vector<size_t> skipped;        // indices of fixes refused because they overlap an applied one
};

// Applies the edits of one fix to `text`. Edits of one fix must not overlap one another;
// returns nullopt when they do or when a range lies outside the text.
std::optional<std::string> apply_edits(std::string_view text, std::vector<TextEdit> edits);

// Applies as many fixes as possible in order: a fix whose edits overlap an already accepted fix
// is skipped (reported in `skipped`), to be retried on the re-parsed result.
ApplyResult apply_fixes(std::string_view text, const std::vector<Fix> &fixes);

// A unified diff (3 lines of context) from `before` to `after`, with the given file labels.
// Empty when the texts are equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view from_label,
                         std::string_view to_label);

}  // namespace msm::edit
