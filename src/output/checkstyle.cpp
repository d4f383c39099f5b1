// checkstyle: the XML many CI tools (Jenkins, reviewdog) read.

#include "output/render.h"
#include "util/escape.h"

namespace msm::output {

using util::escape_markup;

void render_checkstyle(const std::vector<lint::FileResult> &files, std::ostream &out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const auto &f : files) {
    out << "  <file name=\"" << escape_markup(f.path) << "\">\n";
    for (const auto &d : f.diagnostics) {
      std::string_view severity = d.severity == lint::Severity::Error     ? "error"
                                  : d.severity == lint::Severity::Warning ? "warning"
                                                                          : "info";
      out << "    <error line=\"" << d.start.line << "\" column=\"" << d.start.column << "\" severity=\"" << severity
          << "\" message=\"" << escape_markup(d.message) << "\" source=\"msmigrate." << d.rule->code << "\"/>\n";
    }
    out << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

}  // namespace msm::output
