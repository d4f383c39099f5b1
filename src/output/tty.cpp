// tty: for people at a terminal: a code frame with carets under the range, `[*]` when --fix can
// repair it, the fix as a help line, and the rule's docs link.

#include <algorithm>

#include "output/render.h"

namespace msm::output {

namespace {

struct Style {
  bool on;
  std::string_view operator()(std::string_view code) const { return on ? code : std::string_view(); }
};

std::string_view severity_colour(lint::Severity s) {
  switch (s) {
    case lint::Severity::Error: return "\x1b[1;31m";
    case lint::Severity::Warning: return "\x1b[1;33m";
    case lint::Severity::Info: return "\x1b[1;36m";
    case lint::Severity::Style: return "\x1b[1;35m";
  }
  return "";
}

// Display width of a line prefix, counting code points (tabs as one column, as in positions).
size_t columns(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

void render_tty(const std::vector<lint::FileResult> &files, std::ostream &out, const RenderOptions &options) {
  Style s{options.color};
  const auto &registry = lint::Registry::instance();
  size_t total = 0;
  size_t fixable = 0;
  for (const auto &f : files) {
    syntax::LineIndex lines(f.source);
    for (const auto &d : f.diagnostics) {
      ++total;
      bool can_fix = d.fix && d.fix->applicability == edit::Applicability::Safe;
      if (can_fix) ++fixable;
      out << s("\x1b[1m") << f.path << ':' << d.start.line << ':' << d.start.column << ':' << s("\x1b[0m") << ' '
          << s(severity_colour(d.severity)) << lint::to_string(d.severity) << '[' << d.rule->code << ']'
          << s("\x1b[0m") << ' ' << (can_fix ? "[*] " : "") << d.message << '\n';
      // The frame: every line of the range (at most 5), carets under the covered part.
      uint32_t first = d.start.line;
      uint32_t last = std::min(d.end.line, first + 4);
      if (d.end.line > d.start.line && d.end.column == 1) last = std::max(first, d.end.line - 1);
      size_t width = std::to_string(last).size();
      std::string pad(width, ' ');
      out << s("\x1b[34m") << pad << " |" << s("\x1b[0m") << '\n';
      for (uint32_t l = first; l <= last && l <= lines.line_count(); ++l) {
        uint32_t start = lines.line_start(l);
        uint32_t end = l < lines.line_count() ? lines.line_start(l + 1) : static_cast<uint32_t>(f.source.size());
        std::string_view text = std::string_view(f.source).substr(start, end - start);
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
        std::string number = std::to_string(l);
        out << s("\x1b[34m") << std::string(width - number.size(), ' ') << number << " |" << s("\x1b[0m") << ' '
            << text << '\n';
        uint32_t from = l == d.start.line ? d.range.start : start;
        uint32_t to = l == d.end.line ? d.range.end : start + static_cast<uint32_t>(text.size());
        from = std::clamp(from, start, start + static_cast<uint32_t>(text.size()));
        to = std::clamp(to, from, start + static_cast<uint32_t>(text.size()));
        size_t lead = columns(std::string_view(f.source).substr(start, from - start));
        size_t len = std::max<size_t>(1, columns(std::string_view(f.source).substr(from, to - from)));
        out << s("\x1b[34m") << pad << " |" << s("\x1b[0m") << ' ' << std::string(lead, ' ')
            << s(severity_colour(d.severity)) << std::string(len, '^') << s("\x1b[0m") << '\n';
      }
      if (d.fix) {
        std::string_view kind = d.fix->applicability == edit::Applicability::Safe     ? ""
                                : d.fix->applicability == edit::Applicability::Unsafe ? " (unsafe: --unsafe-fixes)"
                                                                                      : " (suggestion)";
        out << pad << " = " << s("\x1b[1;32m") << "help" << s("\x1b[0m") << ": " << d.fix->title << kind << '\n';
      }
      out << pad << " = docs: " << registry.docs_url(*d.rule) << "\n\n";
    }
  }
  if (!options.show_summary) return;
  if (total == 0) {
    out << "All checks passed.\n";
  } else {
    out << "Found " << total << (total == 1 ? " problem" : " problems");
    if (fixable) out << " (" << fixable << " fixable with --fix)";
    out << ".\n";
  }
}

}  // namespace msm::output
