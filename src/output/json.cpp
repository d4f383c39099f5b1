// json: the versioned machine-readable schema documented in the README (version 1).

#include <nlohmann/json.hpp>

#include "output/render.h"

namespace msm::output {

void render_json(const std::vector<lint::FileResult> &files, std::ostream &out) {
  using nlohmann::ordered_json;
  ordered_json diagnostics = ordered_json::array();
  for (const auto &f : files) {
    for (const auto &d : f.diagnostics) {
      ordered_json fix = nullptr;
      if (d.fix) {
        ordered_json edits = ordered_json::array();
        for (const auto &e : d.fix->edits) {
          edits.push_back({{"start_byte", e.start}, {"end_byte", e.end}, {"content", e.content}});
        }
        fix = {{"applicability", edit::to_string(d.fix->applicability)}, {"title", d.fix->title}, {"edits", edits}};
      }
      ordered_json related = ordered_json::array();
      for (const auto &r : d.related) {
        related.push_back({{"message", r.message}, {"line", r.start.line}, {"column", r.start.column},
                           {"end_line", r.end.line}, {"end_column", r.end.column},
                           {"start_byte", r.range.start}, {"end_byte", r.range.end}});
      }
      diagnostics.push_back({{"file", f.path},
                             {"code", d.rule->code},
                             {"name", d.rule->name},
                             {"aliases", d.rule->aliases},
                             {"severity", lint::to_string(d.severity)},
                             {"message", d.message},
                             {"line", d.start.line},
                             {"column", d.start.column},
                             {"end_line", d.end.line},
                             {"end_column", d.end.column},
                             {"start_byte", d.range.start},
                             {"end_byte", d.range.end},
                             {"url", lint::Registry::instance().docs_url(*d.rule)},
                             {"fix", fix},
                             {"related", related}});
    }
  }
  ordered_json doc = {{"version", 1}, {"diagnostics", diagnostics}};
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace msm::output
