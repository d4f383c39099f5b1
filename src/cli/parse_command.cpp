// `msmigrate parse FILE|- [--format sexp|json|buildkit-json]`: the syntax model made visible.

#include <algorithm>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "analysis/stages.h"
#include "cli/cli.h"
#include "syntax/buildkit_json.h"
#include "syntax/document.h"
#include "util/error.h"
#include "util/files.h"

namespace msm::cli {

namespace {

using nlohmann::ordered_json;

// Positions are asked for in (nearly) source order, many on one line (ENV with thousands of
// pairs): each column is counted from the previous one on the same line, not from the line's
// start, so one long line costs its length once instead of once per position. (`parse` reads
// one document per run; the memo is keyed on it all the same.)
syntax::Position position_of(const syntax::Document &doc, uint32_t byte) {
  struct Last {
    const syntax::Document *doc = nullptr;
    const char *source = nullptr;
    size_t size = 0;
    uint32_t line = 0;
    uint32_t byte = 0;
    uint32_t column = 0;
  };
  static Last last;
  const std::string &text = doc.source();
  byte = std::min<uint32_t>(byte, static_cast<uint32_t>(text.size()));
  const uint32_t line = doc.lines().line_of(byte);
  auto code_points = [&](uint32_t from, uint32_t to) {
    uint32_t n = 0;
    for (uint32_t i = from; i < to; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return n;
  };
  uint32_t column;
  if (last.doc == &doc && last.source == text.data() && last.size == text.size() && last.line == line) {
    column = byte >= last.byte ? last.column + code_points(last.byte, byte) : last.column - code_points(byte, last.byte);
  } else {
    column = doc.lines().position(byte).column;
  }
  last = {&doc, text.data(), text.size(), line, byte, column};
  return {line, column};
}

ordered_json position_json(const syntax::Document &doc, uint32_t byte) {
  syntax::Position p = position_of(doc, byte);
  return {{"line", p.line}, {"column", p.column}, {"byte", byte}};
}

ordered_json range_json(const syntax::Document &doc, syntax::Range r) {
  return {{"start", position_json(doc, r.start)}, {"end", position_json(doc, r.end)}};
}

std::string kind_name(syntax::InstructionKind kind) {
  std::string name(syntax::keyword_name(kind));
  if (name.empty()) return "unknown";
  for (char &c : name) c = static_cast<char>(c - 'A' + 'a');
  return name;
}

ordered_json instruction_json(const syntax::Document &doc, const syntax::Instruction &ins) {
  ordered_json j;
  j["kind"] = kind_name(ins.kind);
  j["keyword"] = ins.keyword;
  j["range"] = range_json(doc, ins.range);
  j["keyword_range"] = range_json(doc, ins.keyword_range);
  auto &flags = j["flags"] = ordered_json::array();
  for (const auto &f : ins.flags) {
    flags.push_back({{"name", f.name}, {"value", f.value ? ordered_json(*f.value) : ordered_json(nullptr)},
                     {"range", range_json(doc, f.range)}});
  }
  auto &args = j["arguments"] = ordered_json::array();
  for (const auto &a : ins.args) args.push_back({{"value", a.value}, {"range", range_json(doc, a.range)}});
  j["form"] = ins.json ? "exec" : "shell";
  auto &heredocs = j["heredocs"] = ordered_json::array();
  for (const auto &h : ins.heredocs) {
    heredocs.push_back({{"name", h.name}, {"fd", h.fd}, {"expand", h.expand}, {"chomp", h.chomp},
                        {"terminated", h.terminated}, {"marker", range_json(doc, h.marker)},
                        {"body", range_json(doc, h.body)}, {"content", h.content}});
  }
  if (ins.trigger) j["trigger"] = instruction_json(doc, *ins.trigger);
  if (!ins.prev_comment.empty()) j["comments_above"] = ins.prev_comment;
  if (ins.error) j["error"] = *ins.error;
  return j;
}

ordered_json model_json(const syntax::Document &doc) {
  analysis::StageGraph graph(doc);
  ordered_json j;
  j["version"] = 1;
  j["file"] = doc.path();
  j["escape"] = std::string(1, doc.escape());
  auto &directives = j["directives"] = ordered_json::array();
  for (const auto &d : doc.directives()) {
    directives.push_back({{"key", d.key}, {"value", d.value}, {"range", range_json(doc, d.range)}});
  }
  auto &stages = j["stages"] = ordered_json::array();
  for (const auto &s : graph.stages()) {
    ordered_json stage;
    stage["index"] = s.index;
    stage["name"] = s.name.empty() ? ordered_json(nullptr) : ordered_json(s.name);
    stage["base"] = s.base;
    stage["base_expanded"] = s.base_expanded;
    stage["base_stage"] = s.base_stage ? ordered_json(*s.base_stage) : ordered_json(nullptr);
    stage["instructions"] = {s.from_instruction, s.end_instruction};
    auto &deps = stage["depends_on"] = ordered_json::array();
    for (const auto &d : s.dependencies) {
      if (!d.stage) continue;
      deps.push_back({{"stage", *d.stage},
                      {"via", d.kind == analysis::DependencyKind::Base       ? "from"
                              : d.kind == analysis::DependencyKind::CopyFrom ? "copy"
                                                                             : "mount"},
                      {"instruction", d.instruction}});
    }
    stages.push_back(std::move(stage));
  }
  if (auto last = graph.last()) j["final_stage_needs"] = graph.needed_for(*last);
  auto &instructions = j["instructions"] = ordered_json::array();
  for (const auto &ins : doc.instructions()) instructions.push_back(instruction_json(doc, ins));
  auto &problems = j["problems"] = ordered_json::array();
  for (const auto &p : doc.problems()) problems.push_back({{"message", p.message}, {"range", range_json(doc, p.range)}});
  j["warnings"] = doc.warnings();
  return j;
}

void print_json(const ordered_json &j) {
  // Go (BuildKit) replaces invalid UTF-8 with U+FFFD; so do we.
  std::cout << j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

void register_parse(CLI::App &app, int &exit_code) {
  auto *cmd = app.add_subcommand("parse", "Print the syntax tree or model of one Dockerfile");
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("sexp");
  cmd->add_option("file", *file, "Dockerfile to read, or - for stdin")->required();
  cmd->add_option("--format", *format, "sexp (tree-sitter tree), json (msmigrate's model), buildkit-json (BuildKit's parse)")
      ->check(CLI::IsMember({"sexp", "json", "buildkit-json"}));
  cmd->callback([file, format, &exit_code] {
    std::string source = util::read_input(*file);
    auto doc = syntax::Document::parse(std::move(source), *file == "-" ? "<stdin>" : *file);
    if (*format == "sexp") {
      char *tree = ts_node_string(doc->root());
      std::cout << tree << "\n";
      free(tree);
    } else if (*format == "json") {
      print_json(model_json(*doc));
    } else {
      syntax::write_buildkit_json(std::cout, *doc);
    }
    // Parser-level problems are what BuildKit would refuse: report them, exit 1.
    for (const auto &p : doc->problems()) {
      syntax::Position pos = doc->lines().position(p.range.start);
      std::cerr << doc->path() << ":" << pos.line << ":" << pos.column << ": error: " << p.message << "\n";
    }
    bool failed = !doc->problems().empty();
    exit_code = failed ? k_exit_usage : k_exit_ok;
  });
}

}  // namespace msm::cli
