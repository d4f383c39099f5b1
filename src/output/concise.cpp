// concise: `file:line:col: severity CODE message`, one line per diagnostic (grep- and editor-friendly).

#include "output/render.h"

namespace msm::output {

void render_concise(const std::vector<lint::FileResult> &files, std::ostream &out) {
  for (const auto &f : files) {
    for (const auto &d : f.diagnostics) {
      out << f.path << ':' << d.start.line << ':' << d.start.column << ": " << lint::to_string(d.severity) << ' '
          << d.rule->code << ' ' << d.message << '\n';
    }
  }
}

}  // namespace msm::output
