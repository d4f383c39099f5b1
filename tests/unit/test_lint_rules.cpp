// Every rule's examples from rules/*.yaml: invalid ones report the rule, valid ones do not, and
// fix examples give exactly the expected text, stable on a second run.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <cstdlib>
#include <iterator>
#include <random>

#include "lint/engine.h"
#include "lint/registry.h"
#include "edit/edit.h"
#include "temp_dir.h"

using namespace msm::lint;
namespace fs = std::filesystem;

namespace {

// A private directory holding the example's neighbour files (.dockerignore, build scripts).
struct ExampleDir : msm::test::TempDir {
  explicit ExampleDir(const RuleExamples &ex) {
    for (const auto &[name, content] : ex.files) write(name, content);
  }
};

// An example's configuration: its `.msmigrate.yaml` or `.hadolint.yaml` among the files (rules
// such as trustedRegistries and label-schema need one), else the defaults.
Config example_config(const ExampleDir &dir, const RuleExamples &ex) {
  for (const auto &[name, content] : ex.files) {
    if (name == ".msmigrate.yaml" || name == ".hadolint.yaml") return load_config(dir.path / name);
  }
  return Config{};
}

size_t count(const std::vector<Diagnostic> &ds, const Rule &rule) {
  return static_cast<size_t>(std::count_if(ds.begin(), ds.end(), [&](const Diagnostic &d) { return d.rule == &rule; }));
}

}  // namespace

TEST_CASE("lint rules: invalid examples report, valid examples do not") {
  const auto &registry = Registry::instance();
  size_t examples = 0;
  for (const auto &rule : registry.rules()) {
    auto ex = registry.examples(rule);
    ExampleDir dir(ex);
    Config config = example_config(dir, ex);
    config.enabled_opt_in.insert(rule.code);  // an opt-in rule's examples show it turned on
    for (const auto &text : ex.invalid) {
      CAPTURE(rule.code);
      CAPTURE(text);
      auto doc = msm::syntax::Document::parse(text, (dir.path / "Dockerfile").string());
      CHECK(count(lint_document(*doc, config, dir.path), rule) > 0);
      ++examples;
    }
    for (const auto &text : ex.valid) {
      CAPTURE(rule.code);
      CAPTURE(text);
      auto doc = msm::syntax::Document::parse(text, (dir.path / "Dockerfile").string());
      CHECK(count(lint_document(*doc, config, dir.path), rule) == 0);
      ++examples;
    }
  }
  CHECK(examples > 100);
}

TEST_CASE("lint rules: fix examples give the expected text and are stable") {
  const auto &registry = Registry::instance();
  Config config;
  for (const auto &rule : registry.rules()) {
    auto ex = registry.examples(rule);
    ExampleDir dir(ex);
    for (const auto &f : ex.fixes) {
      CAPTURE(rule.code);
      CAPTURE(f.before);
      // Only this rule's fixes, so the example shows what this rule does.
      Config only = example_config(dir, ex);
      only.enabled_opt_in.insert(rule.code);
      for (const auto &other : registry.rules()) {
        if (&other != &rule) only.ignored.insert(other.code);
      }
      auto max = f.unsafe ? msm::edit::Applicability::Unsafe : msm::edit::Applicability::Safe;
      FixOutcome out = fix_source(f.before, "Dockerfile", only, std::nullopt, max);
      CHECK(out.text == f.after);
      CHECK(count(out.remaining, rule) == 0);
      if (f.unsafe) {
        // An unsafe fix must not be applied by a plain --fix.
        CHECK(fix_source(f.before, "Dockerfile", only, std::nullopt, msm::edit::Applicability::Safe).text == f.before);
      }
      FixOutcome again = fix_source(out.text, "Dockerfile", only, std::nullopt, max);
      CHECK(again.text == out.text);
      CHECK(again.applied == 0);
    }
  }
}

// Per-rule snapshots (fixtures/lint/rules/<rule>.snap): the diagnostics of every invalid example
// and, for fix examples, the diff and the fixed file. UPDATE_SNAPSHOTS=1 rewrites them; review
// with `git diff`.
TEST_CASE("lint rules: per-rule snapshots of diagnostics, fix diffs and fixed files") {
  const auto &registry = Registry::instance();
  fs::path dir = fs::path(MSM_SOURCE_DIR) / "fixtures" / "lint" / "rules";
  bool update = std::getenv("UPDATE_SNAPSHOTS") && std::string(std::getenv("UPDATE_SNAPSHOTS")) == "1";
  if (update) fs::create_directories(dir);
  for (const auto &rule : registry.rules()) {
    CAPTURE(rule.code);
    auto ex = registry.examples(rule);
    ExampleDir example_dir(ex);
    Config only = example_config(example_dir, ex);
    only.enabled_opt_in.insert(rule.code);
    for (const auto &other : registry.rules()) {
      if (&other != &rule) only.ignored.insert(other.code);
    }
    std::string snap = "# " + rule.code + " " + rule.name + "\n";
    for (const auto &text : ex.invalid) {
      snap += "\n## invalid\n" + text + "## diagnostics\n";
      auto doc = msm::syntax::Document::parse(text, (example_dir.path / "Dockerfile").string());
      for (const auto &d : lint_document(*doc, only, example_dir.path)) {
        snap += std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + "-" +
                std::to_string(d.end.line) + ":" + std::to_string(d.end.column) + " " +
                std::string(to_string(d.severity)) + " " + d.rule->code + " " + d.message +
                (d.fix ? " [fix: " + std::string(msm::edit::to_string(d.fix->applicability)) + "]" : "") + "\n";
      }
    }
    for (const auto &f : ex.fixes) {
      auto max = f.unsafe ? msm::edit::Applicability::Unsafe : msm::edit::Applicability::Safe;
      FixOutcome out = fix_source(f.before, "Dockerfile", only, std::nullopt, max);
      snap += "\n## fix" + std::string(f.unsafe ? " (unsafe)" : "") + "\n" +
              msm::edit::unified_diff(f.before, out.text, "a/Dockerfile", "b/Dockerfile") + "## fixed\n" + out.text;
    }
    fs::path file = dir / (rule.code + "-" + rule.name + ".snap");
    if (update) {
      std::ofstream(file) << snap;
      continue;
    }
    std::ifstream in(file);
    REQUIRE_MESSAGE(in.good(), "missing snapshot " << file << " (run with UPDATE_SNAPSHOTS=1)");
    std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(snap == expected);
  }
}
