// Behaviour cases per rule, written from the reference implementations' own specs (hadolint's
// DLxxxxSpec, BuildKit's dockerfile_lint_test.go) in our words: fixtures/lint/cases/<RULE>.cases.
//
// A file holds cases for the rule it is named after (a code, or a BuildKit name such as
// JSONArgsRecommended). Each case starts with a header line and runs to the next header:
//   === reports: what it shows            the rule reports at least once
//   === reports 2: what it shows          exactly twice
//   === reports @3: what it shows         at least once, and one of them on line 3
//   === silent: what it shows             the rule reports nothing
//   === config                            YAML (.msmigrate.yaml keys) for the cases after it
//   === file NAME                         a neighbour file (e.g. .dockerignore) for the cases after it
// The Dockerfile of a case is its body, as written. Lines starting with `#:` are notes, dropped.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "lint/config.h"
#include "lint/engine.h"
#include "lint/registry.h"
#include "temp_dir.h"

using namespace msm::lint;
namespace fs = std::filesystem;

namespace {

struct Case {
  std::string header;  // the header line, for failure messages
  bool reports = false;
  std::optional<size_t> count;
  std::optional<uint32_t> line;
  std::string text;
  std::string config;                       // YAML in effect, empty for defaults
  std::map<std::string, std::string> files; // neighbour files in effect
};

std::string read_all(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Case> parse_cases(const std::string &content) {
  std::vector<Case> out;
  std::string config;
  std::map<std::string, std::string> files;
  enum class Into { Nothing, Case, Config, File } into = Into::Nothing;
  std::string file_name;
  std::istringstream in(content);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("=== ", 0) == 0) {
      std::string head = line.substr(4);
      if (head == "config") {
        into = Into::Config;
        config.clear();
      } else if (head.rfind("file ", 0) == 0) {
        into = Into::File;
        file_name = head.substr(5);
        files[file_name].clear();
      } else {
        Case c;
        c.header = line;
        c.config = config;
        c.files = files;
        std::string kind = head.substr(0, head.find(':'));
        std::istringstream words(kind);
        std::string word;
        words >> word;
        REQUIRE_MESSAGE((word == "reports" || word == "silent"), "bad case header: " << line);
        c.reports = word == "reports";
        while (words >> word) {
          if (word[0] == '@') c.line = static_cast<uint32_t>(std::stoul(word.substr(1)));
          else c.count = std::stoul(word);
        }
        out.push_back(std::move(c));
        into = Into::Case;
      }
      continue;
    }
    if (line.rfind("#:", 0) == 0) continue;
    switch (into) {
      case Into::Nothing: break;
      case Into::Case: out.back().text += line + "\n"; break;
      case Into::Config: config += line + "\n"; break;
      case Into::File: files[file_name] += line + "\n"; break;
    }
  }
  return out;
}

struct CaseDir : msm::test::TempDir {
  explicit CaseDir(const Case &c) {
    for (const auto &[name, body] : c.files) write(name, body);
    if (!c.config.empty()) write(".msmigrate.yaml", c.config);
  }
};

}  // namespace

TEST_CASE("lint cases: each rule's behaviours from the references' specs") {
  const Registry &registry = Registry::instance();
  fs::path dir = fs::path(MSM_SOURCE_DIR) / "fixtures" / "lint" / "cases";
  size_t total = 0;
  for (const auto &entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".cases") continue;
    std::string name = entry.path().stem().string();
    const Rule *rule = registry.find(name);
    REQUIRE_MESSAGE(rule != nullptr, "no rule named " << name << " for " << entry.path());
    for (const Case &c : parse_cases(read_all(entry.path()))) {
      CAPTURE(name);
      CAPTURE(c.header);
      CAPTURE(c.text);
      CaseDir where(c);
      Config config = c.config.empty() ? Config{} : load_config(where.path / ".msmigrate.yaml");
      config.enabled_opt_in.insert(rule->code);
      auto doc = msm::syntax::Document::parse(c.text, (where.path / "Dockerfile").string());
      size_t hits = 0;
      bool on_line = false;
      for (const auto &d : lint_document(*doc, config, where.path)) {
        if (d.rule != rule) continue;
        ++hits;
        if (c.line && d.start.line == *c.line) on_line = true;
      }
      if (!c.reports) CHECK(hits == 0);
      else if (c.count) CHECK(hits == *c.count);
      else CHECK(hits > 0);
      if (c.line) CHECK(on_line);
      ++total;
    }
  }
  CHECK(total > 100);
}

TEST_CASE("lint cases: `# check=error=true` makes BuildKit's checks errors, and only them") {
  auto severities = [](const std::string &text) {
    auto doc = msm::syntax::Document::parse(text, "Dockerfile");
    std::map<std::string, Severity> out;
    for (const auto &d : lint_document(*doc, Config{}, std::nullopt)) out[d.rule->code] = d.severity;
    return out;
  };
  auto plain = severities("FROM scratch as base\nMAINTAINER me\nRUN sudo true\n");
  auto strict = severities("# check=error=true\nFROM scratch as base\nMAINTAINER me\nRUN sudo true\n");
  REQUIRE(plain.count("MSM1007"));
  CHECK(plain["MSM1007"] != Severity::Error);
  CHECK(strict["MSM1007"] == Severity::Error);
  CHECK(strict["MSM1012"] == Severity::Error);
  CHECK(strict["DL3004"] == plain["DL3004"]);  // hadolint's rule keeps its severity
  auto skipped = severities("# check=skip=FromAsCasing;error=true\nFROM scratch as base\n");
  CHECK(skipped.count("MSM1007") == 0);
  auto off = severities("# check=error=false\nFROM scratch as base\n");
  CHECK(off["MSM1007"] == plain["MSM1007"]);
}
