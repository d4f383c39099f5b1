// sarif: SARIF 2.1.0 for code-scanning UIs; rules[] from the registry, real columns (code points),
// snippets, and fixes for safe fixes.

#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "output/render.h"
#include "msm_version.h"
#include "util/escape.h"

namespace msm::output {

namespace {

using nlohmann::ordered_json;

std::string pascal(std::string_view kebab) {
  std::string out;
  bool up = true;
  for (char c : kebab) {
    if (c == '-') {
      up = true;
    } else {
      out += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      up = false;
    }
  }
  return out;
}

std::string sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') text += '.';
  return text;
}

std::string_view level(lint::Severity s) {
  switch (s) {
    case lint::Severity::Error: return "error";
    case lint::Severity::Warning: return "warning";
    default: return "note";
  }
}

ordered_json artifact_location(const std::string &path) {
  std::filesystem::path p(path);
  if (p.is_absolute()) return {{"uri", "file://" + util::percent_encode(p.lexically_normal().string(), "/")}};
  std::string rel = p.lexically_normal().generic_string();
  return {{"uri", util::percent_encode(rel, "/")}, {"uriBaseId", "%SRCROOT%"}};
}

}  // namespace

void render_sarif(const std::vector<lint::FileResult> &files, std::ostream &out) {
  const auto &registry = lint::Registry::instance();
  // Every rule of the registry, then the ShellCheck codes the results use (all ~490 would only
  // pad the log).
  std::vector<const lint::Rule *> listed;
  for (const auto &r : registry.rules()) listed.push_back(&r);
  std::set<std::string> shellcheck_used;
  for (const auto &f : files) {
    for (const auto &d : f.diagnostics) {
      if (d.rule->from_shellcheck) shellcheck_used.insert(d.rule->code);
    }
  }
  for (const auto &code : shellcheck_used) listed.push_back(&registry.get(code));
  std::map<const lint::Rule *, size_t> index_of;
  ordered_json rules = ordered_json::array();
  for (const lint::Rule *rp : listed) {
    const lint::Rule &r = *rp;
    index_of[rp] = rules.size();
    ordered_json rule = {{"id", r.code},
                         {"name", pascal(r.name)},
                         {"shortDescription", {{"text", sentence(r.message)}}},
                         {"fullDescription", {{"text", sentence(r.message)}}},
                         {"helpUri", registry.docs_url(r)},
                         {"help", {{"text", registry.docs(r)}, {"markdown", registry.docs(r)}}},
                         {"defaultConfiguration", {{"level", level(r.severity)}}},
                         {"properties", {{"aliases", r.aliases}, {"fix", lint::to_string(r.fix)}}}};
    rules.push_back(std::move(rule));
  }
  auto rule_index = [&](const lint::Rule *rule) { return index_of.at(rule); };

  ordered_json artifacts = ordered_json::array();
  ordered_json results = ordered_json::array();
  for (size_t fi = 0; fi < files.size(); ++fi) {
    const auto &f = files[fi];
    ordered_json location = artifact_location(f.path);
    artifacts.push_back({{"location", location}, {"sourceLanguage", "dockerfile"}});
    ordered_json indexed = location;
    indexed["index"] = fi;
    syntax::LineIndex lines(f.source);
    for (const auto &d : f.diagnostics) {
      ordered_json region = {{"startLine", d.start.line},
                             {"startColumn", d.start.column},
                             {"endLine", d.end.line},
                             {"endColumn", d.end.column},
                             {"charOffset", nullptr}};
      region.erase("charOffset");
      std::string_view snippet = std::string_view(f.source).substr(d.range.start, d.range.end - d.range.start);
      if (!snippet.empty()) region["snippet"] = {{"text", std::string(snippet)}};
      uint32_t ctx_start = lines.line_start(d.start.line);
      uint32_t ctx_end = d.end.line < lines.line_count() ? lines.line_start(d.end.line + 1)
                                                         : static_cast<uint32_t>(f.source.size());
      if (ctx_end < ctx_start) ctx_end = ctx_start;
      ordered_json context = {{"startLine", d.start.line}, {"endLine", std::max(d.start.line, d.end.line)}};
      std::string context_text = f.source.substr(ctx_start, ctx_end - ctx_start);
      if (!context_text.empty()) context["snippet"] = {{"text", context_text}};
      ordered_json result = {{"ruleId", d.rule->code},
                             {"ruleIndex", rule_index(d.rule)},
                             {"level", level(d.severity)},
                             {"message", {{"text", sentence(d.message)}}},
                             {"locations",
                              {{{"physicalLocation",
                                 {{"artifactLocation", indexed}, {"region", region}, {"contextRegion", context}}}}}}};
      if (!d.related.empty()) {
        ordered_json related = ordered_json::array();
        for (size_t i = 0; i < d.related.size(); ++i) {
          const auto &r = d.related[i];
          related.push_back({{"id", i + 1},
                             {"physicalLocation",
                              {{"artifactLocation", indexed},
                               {"region", {{"startLine", r.start.line}, {"startColumn", r.start.column},
                                           {"endLine", r.end.line}, {"endColumn", r.end.column}}}}},
                             {"message", {{"text", sentence(r.message)}}}});
        }
        result["relatedLocations"] = std::move(related);
      }
      if (d.fix && d.fix->applicability == edit::Applicability::Safe) {
        ordered_json replacements = ordered_json::array();
        for (const auto &e : d.fix->edits) {
          replacements.push_back({{"deletedRegion", {{"byteOffset", e.start}, {"byteLength", e.end - e.start}}},
                                  {"insertedContent", {{"text", e.content}}}});
        }
        result["fixes"] = {{{"description", {{"text", sentence(d.fix->title)}}},
                            {"artifactChanges", {{{"artifactLocation", indexed}, {"replacements", replacements}}}}}};
      }
      results.push_back(std::move(result));
    }
  }
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).generic_string();
  if (cwd.empty() || cwd.back() != '/') cwd += '/';
  ordered_json run = {{"tool",
                       {{"driver",
                         {{"name", "msmigrate"},
                          {"version", msm::k_version},
                          {"semanticVersion", msm::k_version},
                          {"informationUri", "https://github.com/msmigrate/msmigrate"},
                          {"rules", rules}}}}},
                      {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", "file://" + util::percent_encode(cwd, "/")}}}}},
                      {"artifacts", artifacts},
                      {"results", results},
                      {"columnKind", "unicodeCodePoints"}};
  ordered_json sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                        {"version", "2.1.0"},
                        {"runs", {run}}};
  out << sarif.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace msm::output
