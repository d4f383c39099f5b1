#include "output/render.h"

namespace msm::output {

std::optional<Format> format_from_string(std::string_view name) {
  if (name == "tty" || name == "full") return Format::Tty;
  if (name == "concise") return Format::Concise;
  if (name == "json") return Format::Json;
  if (name == "sarif") return Format::Sarif;
  if (name == "checkstyle") return Format::Checkstyle;
  if (name == "codeclimate") return Format::Codeclimate;
  if (name == "gitlab") return Format::Gitlab;
  return std::nullopt;
}

void render(Format format, const std::vector<lint::FileResult> &files, std::ostream &out, const RenderOptions &options) {
  switch (format) {
    case Format::Tty: render_tty(files, out, options); break;
    case Format::Concise: render_concise(files, out); break;
    case Format::Json: render_json(files, out); break;
    case Format::Sarif: render_sarif(files, out); break;
    case Format::Checkstyle: render_checkstyle(files, out); break;
    case Format::Codeclimate: render_codeclimate(files, out, false); break;
    case Format::Gitlab: render_codeclimate(files, out, true); break;
  }
}

}  // namespace msm::output
