#pragma once
// Renderers: one per output format, all over the same list of linted files.

#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "lint/diagnostic.h"

namespace msm::output {

enum class Format { Tty, Concise, Json, Sarif, Checkstyle, Codeclimate, Gitlab };

std::optional<Format> format_from_string(std::string_view name);

struct RenderOptions {
  bool color = false;      // ANSI colours (tty only; the CLI decides: a terminal and no NO_COLOR)
  bool show_summary = true;
};

void render(Format format, const std::vector<lint::FileResult> &files, std::ostream &out, const RenderOptions &options);

// One renderer per file in this folder.
void render_tty(const std::vector<lint::FileResult> &files, std::ostream &out, const RenderOptions &options);
void render_concise(const std::vector<lint::FileResult> &files, std::ostream &out);
void render_json(const std::vector<lint::FileResult> &files, std::ostream &out);
void render_sarif(const std::vector<lint::FileResult> &files, std::ostream &out);
void render_checkstyle(const std::vector<lint::FileResult> &files, std::ostream &out);
void render_codeclimate(const std::vector<lint::FileResult> &files, std::ostream &out, bool gitlab);

}  // namespace msm::output
