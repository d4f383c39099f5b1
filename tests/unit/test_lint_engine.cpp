// The lint engine: suppressions, configuration, scopes, the fix loop.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "lint/config.h"
#include "lint/engine.h"
#include "util/error.h"
#include "temp_dir.h"

using namespace msm::lint;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> codes(const std::string &text, const Config &config = {}) {
  auto doc = msm::syntax::Document::parse(text, "Dockerfile");
  std::vector<std::string> out;
  for (const auto &d : lint_document(*doc, config, std::nullopt)) out.push_back(d.rule->code);
  return out;
}

bool has(const std::vector<std::string> &v, const std::string &code) {
  return std::find(v.begin(), v.end(), code) != v.end();
}

using msm::test::TempDir;

}  // namespace

TEST_CASE("lint engine: next-instruction suppressions by code, name and alias, from msmigrate and hadolint") {
  CHECK(has(codes("FROM alpine\nMAINTAINER me\n"), "MSM1012"));
  for (const char *comment : {"# msmigrate ignore=MSM1012", "# msmigrate ignore=maintainer-deprecated",
                              "# hadolint ignore=MaintainerDeprecated", "# check=skip=MaintainerDeprecated",
                              "#msmigrate ignore=MSM1012 # kept for old tooling"}) {
    CAPTURE(std::string(comment));
    auto found = codes(std::string("FROM alpine\n") + comment + "\nMAINTAINER me\n");
    CHECK(!has(found, "MSM1012"));
    CHECK(!has(found, "MSM9001"));
  }
  // A list: the code that suppressed nothing is reported as unused.
  CHECK(has(codes("FROM alpine\n# msmigrate ignore=MSM1008,MSM1012\nMAINTAINER me\n"), "MSM9001"));
  // Only the next instruction is covered.
  auto found = codes("FROM alpine\n# msmigrate ignore=MSM1012\nMAINTAINER me\nMAINTAINER you\n");
  CHECK(std::count(found.begin(), found.end(), "MSM1012") == 1);
}

TEST_CASE("lint engine: global suppressions and BuildKit's check directive cover the file") {
  CHECK(!has(codes("# msmigrate global ignore=MSM1012\nFROM alpine\nMAINTAINER me\n"), "MSM1012"));
  CHECK(!has(codes("FROM alpine\n# hadolint global ignore=MSM1012\nMAINTAINER me\n"), "MSM1012"));
  CHECK(!has(codes("# check=skip=MaintainerDeprecated;error=true\nFROM alpine\nMAINTAINER me\n"), "MSM1012"));
  auto all = codes("# check=skip=all\nFROM alpine\nMAINTAINER me\nFROM alpine AS unused\n");
  CHECK(!has(all, "MSM1012"));
  CHECK(has(all, "MSM3001"));  // skip=all is BuildKit's checks only
}

TEST_CASE("lint engine: unused and unknown suppressions are reported") {
  auto unused = codes("FROM alpine\n# msmigrate ignore=MSM1012\nRUN true\n");
  CHECK(has(unused, "MSM9001"));
  auto unknown = codes("FROM alpine\n# msmigrate ignore=MSM7777\nRUN true\n");
  CHECK(has(unknown, "MSM9002"));
  // hadolint's codes msmigrate does not have (DL3031 is retired) and ShellCheck's are not ours to judge.
  auto foreign = codes("FROM alpine\n# hadolint ignore=DL3031,SC2086\nRUN true\n");
  CHECK(!has(foreign, "MSM9001"));
  CHECK(!has(foreign, "MSM9002"));
}

TEST_CASE("lint engine: configuration ignores and overrides severities") {
  Config config;
  config.ignored.insert("MSM1012");
  CHECK(!has(codes("FROM alpine\nMAINTAINER me\n", config), "MSM1012"));
  Config override;
  override.overrides["MSM1012"] = Severity::Error;
  auto doc = msm::syntax::Document::parse("FROM alpine:3\nMAINTAINER me\n", "Dockerfile");
  auto ds = lint_document(*doc, override, std::nullopt);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].severity == Severity::Error);
  CHECK(ds[0].start.line == 2);
  CHECK(ds[0].start.column == 1);
}

TEST_CASE("lint engine: shipped-stages rules skip stages the final stage does not need") {
  CHECK(has(codes("FROM alpine\nCMD make\n"), "MSM1011"));
  CHECK(!has(codes("FROM alpine AS tools\nCMD make\nFROM alpine\nCMD [\"app\"]\n"), "MSM1011"));
  CHECK(has(codes("FROM alpine AS base\nCMD make\nFROM base\n"), "MSM1011"));
}

TEST_CASE("lint engine: .msmigrate.yaml found upward wins over .hadolint.yaml; hadolint keys load") {
  TempDir dir;
  dir.write(".hadolint.yaml",
            "ignored: [DL3008, MaintainerDeprecated]\nfailure-threshold: error\ntrustedRegistries: [docker.io]\n"
            "override:\n  error: [MSM1017]\nlabel-schema:\n  author: text\nstrict-labels: true\nno-fail: false\n");
  auto file = dir.write("sub/Dockerfile", "FROM alpine\n");
  {
    ConfigResolver resolver(std::nullopt);
    auto config = resolver.for_file(file);
    CHECK(config->ignored.count("MSM1012") == 1);
    CHECK(config->overrides.at("MSM1017") == Severity::Error);
    REQUIRE(config->failure_threshold.has_value());
    CHECK(*config->failure_threshold == Severity::Error);
    CHECK(config->required_labels.count("author") == 1);
    CHECK(config->strict_labels);
  }
  dir.write(".msmigrate.yaml", "ignored: [MSM3001]\nrules:\n  MSM3004:\n    images: [my/sdk]\n");
  ConfigResolver resolver(std::nullopt);
  auto config = resolver.for_file(file);
  CHECK(config->ignored.count("MSM3001") == 1);
  CHECK(config->ignored.count("MSM1012") == 0);
  CHECK(config->rule_options.sdk_final_stage.images == std::vector<std::string>{"my/sdk"});
}

TEST_CASE("lint engine: rule options are typed; a bad one is an error naming the file, rule and key") {
  TempDir dir;
  auto by_name = dir.write("a.yaml", "rules:\n  sdk-final-stage: {images: [my/sdk, other/sdk]}\n");
  CHECK(load_config(by_name).rule_options.sdk_final_stage.images == std::vector<std::string>{"my/sdk", "other/sdk"});
  auto not_list = dir.write("b.yaml", "rules:\n  MSM3004: {images: my/sdk}\n");
  CHECK_THROWS_WITH_AS(load_config(not_list), doctest::Contains("b.yaml: rules.MSM3004.images must be a list"), ::msm::Error);
  auto unknown = dir.write("c.yaml", "rules:\n  MSM3004: {image: [my/sdk]}\n");
  CHECK_THROWS_WITH_AS(load_config(unknown), doctest::Contains("c.yaml: rules.MSM3004: unknown option 'image' (MSM3004 takes: images)"),
                       ::msm::Error);
  auto none = dir.write("d.yaml", "rules:\n  DL3006: {strict: true}\n");
  CHECK_THROWS_WITH_AS(load_config(none), doctest::Contains("d.yaml: rules.DL3006: unknown option 'strict' (the rule takes no options)"),
                       ::msm::Error);
}

TEST_CASE("lint engine: bad configuration is an error naming the file") {
  TempDir dir;
  auto bad_key = dir.write("a.yaml", "ignord: [MSM1012]\n");
  CHECK_THROWS_WITH_AS(load_config(bad_key), doctest::Contains("a.yaml: unknown key 'ignord'"), ::msm::Error);
  auto bad_code = dir.write("b.yaml", "ignored: [MSM7777]\n");
  CHECK_THROWS_WITH_AS(load_config(bad_code), doctest::Contains("unknown rule 'MSM7777'"), ::msm::Error);
  auto bad_yaml = dir.write("c.yaml", "ignored: [MSM1012\n");
  CHECK_THROWS_WITH_AS(load_config(bad_yaml), doctest::Contains("c.yaml: invalid YAML"), ::msm::Error);
  auto bad_threshold = dir.write("d.yaml", "failure-threshold: fatal\n");
  CHECK_THROWS_AS(load_config(bad_threshold), ::msm::Error);
}

TEST_CASE("lint engine: the fix loop converges, and is idempotent") {
  std::string before = "from alpine as Build\nMAINTAINER me\nRUN true\nENV A 1\nfrom alpine\nCOPY --from=0 /a /a\n";
  FixOutcome out = fix_source(before, "Dockerfile", {}, std::nullopt, msm::edit::Applicability::Unsafe);
  CHECK(out.text != before);
  CHECK(out.rounds >= 1);
  CHECK(!out.refused);
  FixOutcome again = fix_source(out.text, "Dockerfile", {}, std::nullopt, msm::edit::Applicability::Unsafe);
  CHECK(again.text == out.text);
  for (const auto &d : again.remaining) {
    CAPTURE(d.rule->code);
    CHECK(!(d.fix && d.fix->applicability != msm::edit::Applicability::DisplayOnly));
  }
}

TEST_CASE("lint engine: CopyIgnoredFile prefers <Dockerfile>.dockerignore over .dockerignore") {
  TempDir dir;
  dir.write(".dockerignore", "notes.txt\n");
  dir.write("app.Dockerfile.dockerignore", "secret.txt\n");
  std::string text = "FROM alpine\nCOPY secret.txt notes.txt /x/\n";
  auto lint_as = [&](const std::string &name) {
    auto doc = msm::syntax::Document::parse(text, (dir.path / name).string());
    std::vector<std::string> messages;
    for (const auto &d : lint_document(*doc, {}, dir.path)) {
      if (d.rule->code == "MSM1022") messages.push_back(d.message);
    }
    return messages;
  };
  auto own = lint_as("app.Dockerfile");
  REQUIRE(own.size() == 1);
  CHECK(own[0].find("secret.txt") != std::string::npos);
  auto shared = lint_as("Dockerfile");
  REQUIRE(shared.size() == 1);
  CHECK(shared[0].find("notes.txt") != std::string::npos);
}

TEST_CASE("fix loop: a round whose result has a new parse problem is refused, the text kept") {
  const std::string source = "FROM a\nRUN <<EOF\necho hi\nEOF\n";
  // A fix no shipped rule makes: deleting the heredoc's terminator leaves it unterminated.
  LintStep breaking = [](const msm::syntax::Document &doc) {
    std::vector<Diagnostic> out;
    const std::string &text = doc.source();
    size_t at = text.find("EOF\n", text.find("echo"));
    if (at != std::string::npos) {
      Diagnostic d;
      d.fix = msm::edit::Fix{"drop the terminator", msm::edit::Applicability::Safe,
                             {{static_cast<uint32_t>(at), static_cast<uint32_t>(at + 4), ""}}};
      out.push_back(d);
    }
    return out;
  };
  FixOutcome refused = fix_with(source, "Dockerfile", breaking, msm::edit::Applicability::Safe);
  CHECK(refused.refused);
  CHECK(refused.text == source);
  CHECK(refused.applied == 0);

  // The same loop applies a harmless fix once and then finds nothing left to do.
  LintStep harmless = [](const msm::syntax::Document &doc) {
    std::vector<Diagnostic> out;
    size_t at = doc.source().find("echo hi");
    if (at != std::string::npos) {
      Diagnostic d;
      d.fix = msm::edit::Fix{"say hello", msm::edit::Applicability::Safe,
                             {{static_cast<uint32_t>(at), static_cast<uint32_t>(at + 7), "echo hello"}}};
      out.push_back(d);
    }
    return out;
  };
  FixOutcome applied = fix_with(source, "Dockerfile", harmless, msm::edit::Applicability::Safe);
  CHECK_FALSE(applied.refused);
  CHECK(applied.text == "FROM a\nRUN <<EOF\necho hello\nEOF\n");
  CHECK(applied.applied == 1);
}

TEST_CASE("a duplicate stage name points back at the first definition") {
  auto doc = msm::syntax::Document::parse("FROM alpine:3 AS app\nRUN true\nFROM alpine:3 AS app\n", "Dockerfile");
  auto diags = lint_document(*doc, Config{}, std::nullopt);
  auto it = std::find_if(diags.begin(), diags.end(), [](const Diagnostic &d) { return d.rule->code == "MSM1009"; });
  REQUIRE(it != diags.end());
  CHECK(it->start.line == 3);
  REQUIRE(it->related.size() == 1);
  CHECK(it->related[0].start.line == 1);
  CHECK(it->related[0].start.column == 18);
  CHECK(doc->text(it->related[0].range) == "app");
}

namespace {
std::vector<std::string> codes_with_build_args(const std::string &text, std::map<std::string, std::string, std::less<>> args) {
  auto doc = msm::syntax::Document::parse(text, "Dockerfile");
  LintOptions options;
  options.build_args = std::move(args);
  std::vector<std::string> out;
  for (const auto &d : lint_document(*doc, Config{}, std::nullopt, options)) out.push_back(d.rule->code);
  return out;
}
}  // namespace

TEST_CASE("lint engine: build arguments give ARGs the build's values, as BuildKit's --build-arg does") {
  const std::string file = "ARG IMAGE=alpine:3.20\nFROM $IMAGE\n";
  CHECK(!has(codes_with_build_args(file, {}), "DL3007"));
  CHECK(has(codes_with_build_args(file, {{"IMAGE", "alpine:latest"}}), "DL3007"));
  // InvalidDefaultArgInFrom judges the defaults alone: a build argument does not fix them.
  const std::string no_default = "ARG IMAGE\nFROM $IMAGE\n";
  CHECK(has(codes_with_build_args(no_default, {}), "MSM1020"));
  CHECK(has(codes_with_build_args(no_default, {{"IMAGE", "alpine:3.20"}}), "MSM1020"));
  // BUILDKIT_DOCKERFILE_CHECK replaces the file's `# check=` directive.
  const std::string casing = "# check=skip=all\nFROM alpine:3.20 as base\n";
  CHECK(!has(codes_with_build_args(casing, {}), "MSM1007"));
  CHECK(has(codes_with_build_args(casing, {{"BUILDKIT_DOCKERFILE_CHECK", "skip=MaintainerDeprecated"}}), "MSM1007"));
  CHECK(!has(codes_with_build_args("FROM alpine:3.20 as base\n", {{"BUILDKIT_DOCKERFILE_CHECK", "skip=all"}}), "MSM1007"));
}
