// json: the versioned machine-readable schema documented in the README (version 1). Written
// with the streaming JsonWriter: an editor runs this on every save, and building an
// nlohmann::ordered_json tree first cost an on-save lint 12% of its instructions.

#include "output/json_writer.h"
#include "output/render.h"

namespace msm::output {

namespace {

// Where a diagnostic or a related location is: the same six members in both.
void write_location(JsonWriter &w, const syntax::Position &start, const syntax::Position &end, syntax::Range range) {
  w.member("line", start.line);
  w.member("column", start.column);
  w.member("end_line", end.line);
  w.member("end_column", end.column);
  w.member("start_byte", range.start);
  w.member("end_byte", range.end);
}

void write_diagnostic(JsonWriter &w, const std::string &path, const lint::Diagnostic &d) {
  w.begin_object();
  w.member("file", path);
  w.member("code", d.rule->code);
  w.member("name", d.rule->name);
  w.key("aliases");
  w.begin_array();
  for (const auto &alias : d.rule->aliases) w.value(alias);
  w.end_array();
  w.member("severity", lint::to_string(d.severity));
  w.member("message", d.message);
  write_location(w, d.start, d.end, d.range);
  w.member("url", lint::Registry::instance().docs_url(*d.rule));
  w.key("fix");
  if (d.fix) {
    w.begin_object();
    w.member("applicability", edit::to_string(d.fix->applicability));
    w.member("title", d.fix->title);
    w.key("edits");
    w.begin_array();
    for (const auto &e : d.fix->edits) {
      w.begin_object();
      w.member("start_byte", e.start);
      w.member("end_byte", e.end);
      w.member("content", e.content);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  } else {
    w.null_value();
  }
  w.key("related");
  w.begin_array();
  for (const auto &r : d.related) {
    w.begin_object();
    w.member("message", r.message);
    write_location(w, r.start, r.end, r.range);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

void render_json(const std::vector<lint::FileResult> &files, std::ostream &out) {
  std::string text;
  text.reserve(4096);
  JsonWriter w(text);
  w.begin_object();
  w.member("version", 1);
  w.key("diagnostics");
  w.begin_array();
  for (const auto &f : files) {
    for (const auto &d : f.diagnostics) write_diagnostic(w, f.path, d);
  }
  w.end_array();
  w.end_object();
  text += '\n';
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace msm::output
