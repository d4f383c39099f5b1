#pragma once
// The Dockerfile formatter: whitespace, keyword casing, continuation indentation, `AS` casing and
// exec-form (JSON) spacing only. It proposes minimal text edits to the parsed document and
// refuses (msm::Error) whenever the result would not have the identical BuildKit-shaped parse.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "edit/edit.h"
#include "syntax/document.h"

namespace msm::formatter {

enum class KeywordCase {
  Upper,     // `run` -> `RUN`, `as` -> `AS` (BuildKit's own convention; the default)
  Preserve,  // keywords keep their case as written
};

struct Options {
  KeywordCase keyword_case = KeywordCase::Upper;
  // Spaces before each continuation line of an instruction (lines after a trailing escape).
  unsigned continuation_indent = 4;
};

struct Result {
  std::string text;                  // the formatted document
  bool changed = false;              // text differs from doc.source()
  std::vector<edit::TextEdit> edits; // minimal, sorted, non-overlapping edits on doc.source()
};

// Formats a parsed document. Throws msm::Error (exit code 2) naming doc.path() when the
// document has parse problems that make formatting unsafe, or when the formatted text would not
// parse to the identical BuildKit-shaped result (values, flags, heredocs, directives).
Result format_document(const syntax::Document &doc, const Options &options = {});

// Options from the `format:` mapping of `.msmigrate.yaml` (lint::Config::format_section; null
// means defaults): `keyword-case: upper|preserve`, `continuation-indent: 0..16`. Throws
// msm::Error naming `where` on an unknown key or value.
Options options_from_config(const nlohmann::json &section, const std::string &where);

// Convenience for callers holding only bytes (the CLI, tests): parses, then formats.
Result format_source(std::string source, const std::string &path, const Options &options = {});

}  // namespace msm::formatter
