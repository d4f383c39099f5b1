// checkstyle: the XML many CI tools (Jenkins, reviewdog) read.

#include "output/render.h"

namespace msm::output {

namespace {
std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      default:
        // XML 1.0 forbids most control characters even as references.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') out += ' ';
        else out += c;
    }
  }
  return out;
}
}  // namespace

void render_checkstyle(const std::vector<lint::FileResult> &files, std::ostream &out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const auto &f : files) {
    out << "  <file name=\"" << xml_escape(f.path) << "\">\n";
    for (const auto &d : f.diagnostics) {
      std::string_view severity = d.severity == lint::Severity::Error     ? "error"
                                  : d.severity == lint::Severity::Warning ? "warning"
                                                                          : "info";
      out << "    <error line=\"" << d.start.line << "\" column=\"" << d.start.column << "\" severity=\"" << severity
          << "\" message=\"" << xml_escape(d.message) << "\" source=\"msmigrate." << d.rule->code << "\"/>\n";
    }
    out << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

}  // namespace msm::output
