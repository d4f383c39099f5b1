// The BuildKit oracle: every Dockerfile of ../shared/corpus parses with no ERROR or MISSING
// node, and `parse --format buildkit-json` equals BuildKit's own parse of it, instruction by
// instruction (value, flags, next, attributes, original, lines, heredocs, prev_comment), plus
// the escape char and the parser warnings. Exits 77 (skipped) when the corpus is absent.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "syntax/buildkit_json.h"
#include "syntax/document.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string read(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char **argv) {
  fs::path corpus = argc > 1 ? fs::path(argv[1]) : fs::path("../shared/corpus");
  if (!fs::is_directory(corpus / "dockerfiles") || !fs::is_directory(corpus / "buildkit")) {
    std::cout << "corpus not found at " << corpus << ": skipped\n";
    return 77;
  }
  std::vector<fs::path> files;
  for (const auto &e : fs::directory_iterator(corpus / "dockerfiles")) files.push_back(e.path());
  std::sort(files.begin(), files.end());

  size_t files_ok = 0, instructions = 0, instructions_ok = 0, tree_errors = 0;
  size_t reported = 0;
  auto report = [&](const std::string &what) {
    if (reported++ < 20) std::cout << what << "\n";
  };
  const char *fields[] = {"value", "flags", "next", "attributes", "original", "start_line",
                          "end_line", "heredocs", "prev_comment"};
  for (const auto &file : files) {
    fs::path oracle_path = corpus / "buildkit" / (file.filename().string() + ".json");
    if (!fs::exists(oracle_path)) continue;
    json oracle = json::parse(read(oracle_path));
    auto doc = msm::syntax::Document::parse(read(file), file.string());
    json ours = json::parse(msm::syntax::to_buildkit_json(*doc).dump(-1, ' ', false, json::error_handler_t::replace));
    bool ok = true;
    if (ts_node_has_error(doc->root())) {
      ++tree_errors;
      ok = false;
      report(file.filename().string() + ": the tree has ERROR or MISSING nodes");
    }
    if (ours["escape"] != oracle["escape"]) {
      ok = false;
      report(file.filename().string() + ": escape " + ours["escape"].dump() + " != " + oracle["escape"].dump());
    }
    if (ours["warnings"] != oracle["warnings"]) {
      ok = false;
      report(file.filename().string() + ": warnings " + ours["warnings"].dump() + " != " + oracle["warnings"].dump());
    }
    const json &want = oracle["children"];
    const json &got = ours["children"];
    instructions += want.size();
    if (want.size() != got.size()) {
      ok = false;
      report(file.filename().string() + ": " + std::to_string(got.size()) + " instructions, BuildKit has " +
             std::to_string(want.size()));
    }
    for (size_t i = 0; i < std::min(want.size(), got.size()); ++i) {
      bool same = true;
      for (const char *field : fields) {
        json a = want[i].contains(field) ? want[i][field] : json();
        json b = got[i].contains(field) ? got[i][field] : json();
        if (a != b) {
          same = false;
          report(file.filename().string() + ": instruction " + std::to_string(i + 1) + " (line " +
                 want[i]["start_line"].dump() + ") " + field + ":\n  buildkit: " + a.dump() + "\n  ours:     " + b.dump());
        }
      }
      if (same) ++instructions_ok;
      ok = ok && same;
    }
    if (ok) ++files_ok;
  }
  std::cout << "corpus: " << files_ok << "/" << files.size() << " files and " << instructions_ok << "/"
            << instructions << " instructions equal to BuildKit's parse; " << tree_errors
            << " files with ERROR/MISSING nodes\n";
  std::cout << files_ok << " passed, " << (files.size() - files_ok) << " failed\n";
  return files_ok == files.size() && instructions_ok == instructions ? 0 : 1;
}
