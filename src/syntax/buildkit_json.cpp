#include "syntax/buildkit_json.h"

#include "syntax/buildkit_args.h"

namespace msm::syntax {

namespace {

buildkit::LogicalInstruction to_logical(const Instruction &ins) {
  buildkit::LogicalInstruction li;
  li.keyword.value = ins.keyword;
  for (const auto &f : ins.flags) li.flags.push_back({f.raw, 0, 0});
  for (const auto &a : ins.args) li.next.push_back({a.value, 0, 0});
  li.json = ins.json;
  if (ins.trigger) li.nested = std::make_unique<buildkit::LogicalInstruction>(to_logical(*ins.trigger));
  return li;
}

}  // namespace

nlohmann::ordered_json to_buildkit_json(const Instruction &ins, bool nested) {
  nlohmann::ordered_json node;
  node["value"] = ins.keyword;
  if (!ins.flags.empty()) {
    auto &flags = node["flags"] = nlohmann::ordered_json::array();
    for (const auto &f : ins.flags) flags.push_back(f.raw);
  }
  auto &next = node["next"] = nlohmann::ordered_json::array();
  if (ins.trigger) {
    next.push_back(to_buildkit_json(*ins.trigger, true));
  } else {
    for (const auto &a : ins.args) next.push_back(a.value);
  }
  if (ins.json) node["attributes"] = {{"json", true}};
  if (!ins.heredocs.empty()) {
    auto &docs = node["heredocs"] = nlohmann::ordered_json::array();
    for (const auto &h : ins.heredocs) {
      docs.push_back({{"name", h.name}, {"fd", h.fd}, {"expand", h.expand}, {"chomp", h.chomp}, {"content", h.content}});
    }
  }
  node["original"] = ins.original;
  node["start_line"] = nested ? 0 : ins.start_line;
  node["end_line"] = nested ? 0 : ins.end_line;
  if (!ins.prev_comment.empty()) node["prev_comment"] = ins.prev_comment;
  return node;
}

std::string buildkit_dump(const Document &doc) {
  std::string out;
  for (const auto &ins : doc.instructions()) {
    if (!out.empty()) out.push_back('\n');
    out += buildkit::dump_line(to_logical(ins));
  }
  return out;
}

nlohmann::ordered_json to_buildkit_json(const Document &doc) {
  nlohmann::ordered_json out;
  auto &children = out["children"] = nlohmann::ordered_json::array();
  for (const auto &ins : doc.instructions()) children.push_back(to_buildkit_json(ins));
  out["dump"] = buildkit_dump(doc);
  out["escape"] = std::string(1, doc.escape());
  if (doc.warnings().empty()) {
    out["warnings"] = nullptr;
  } else {
    out["warnings"] = doc.warnings();
  }
  return out;
}

}  // namespace msm::syntax

namespace msm::syntax {

namespace {

std::string dump_json(const nlohmann::ordered_json &j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

void write_buildkit_json(std::ostream &out, const Document &doc) {
  out << "{\n \"children\": [";
  bool first = true;
  for (const auto &ins : doc.instructions()) {
    std::string child = dump_json(to_buildkit_json(ins), 1);
    // Indent the child as if it sat inside the array (two levels of one space).
    std::string indented;
    indented.reserve(child.size() + child.size() / 8);
    for (char c : child) {
      indented.push_back(c);
      if (c == '\n') indented += "  ";
    }
    out << (first ? "\n  " : ",\n  ") << indented;
    first = false;
  }
  out << (first ? "],\n" : "\n ],\n");
  out << " \"dump\": " << dump_json(buildkit_dump(doc), -1) << ",\n";
  out << " \"escape\": " << dump_json(std::string(1, doc.escape()), -1) << ",\n";
  nlohmann::ordered_json warnings = nullptr;
  if (!doc.warnings().empty()) warnings = doc.warnings();
  out << " \"warnings\": " << dump_json(warnings, -1) << "\n}\n";
}

}  // namespace msm::syntax
