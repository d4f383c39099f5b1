// ShellCheck inside lint: what ShellCheck reads (shebang, declared names), positions mapped back
// to the Dockerfile, SC codes as rules (config, suppressions, MSM9001), the cache, fixes, the
// language server's second wave. The tests that run ShellCheck are skipped without `shellcheck`.

#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "analysis/run_script.h"
#include "analysis/stages.h"
#include "lint/config.h"
#include "lint/context.h"
#include "lint/engine.h"
#include "lint/shellcheck/check.h"
#include "lint/shellcheck/runner.h"
#include "lsp/server.h"
#include "util/process.h"
#include "temp_dir.h"

using namespace msm::lint;
namespace fs = std::filesystem;
namespace sc = msm::lint::shellcheck;

namespace {

using msm::test::TempDir;

std::optional<fs::path> shellcheck_binary() {
  if (!msm::util::program_on_path("shellcheck")) return std::nullopt;
  return fs::path("/usr/bin/shellcheck");
}

// A runner with a cache of its own, so every test starts cold.
struct Fixture {
  TempDir cache;
  sc::Runner runner{shellcheck_binary(), cache.path};
  Config config;

  std::vector<Diagnostic> lint(const std::string &text, sc::Mode mode = sc::Mode::Run) {
    auto doc = msm::syntax::Document::parse(text, "Dockerfile");
    LintOptions options;
    options.shellcheck = mode;
    options.shellcheck_runner = &runner;
    return lint_document(*doc, config, std::nullopt, options);
  }
};

std::vector<const Diagnostic *> with_code(const std::vector<Diagnostic> &ds, const std::string &code) {
  std::vector<const Diagnostic *> out;
  for (const auto &d : ds) {
    if (d.rule->code == code) out.push_back(&d);
  }
  return out;
}

std::string where(const Diagnostic &d) {
  return std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + "-" + std::to_string(d.end.line) + ":" +
         std::to_string(d.end.column);
}

// The input ShellCheck reads for each script of each RUN, with the names declared.
std::vector<sc::Input> inputs_of(const std::string &text) {
  auto doc = msm::syntax::Document::parse(text, "Dockerfile");
  msm::analysis::StageGraph graph(*doc);
  Context ctx(*doc, graph, Config{}, std::nullopt);
  std::vector<sc::Input> out;
  for (const auto &run : ctx.runs()) {
    for (const auto &s : run.scripts) out.push_back(sc::make_input(s, sc::declared_names(ctx, run)));
  }
  return out;
}

}  // namespace

TEST_CASE("shellcheck input: a shebang naming the dialect, then the declared names, then the script") {
  auto in = inputs_of("FROM debian\nARG VERSION\nENV HOME_DIR=/x OTHER=1\nRUN echo $VERSION\n");
  REQUIRE(in.size() == 1);
  CHECK(in[0].text.rfind("#!/bin/sh\n", 0) == 0);
  CHECK(in[0].text.find("export VERSION=1\n") != std::string::npos);
  CHECK(in[0].text.find("export HOME_DIR=1\n") != std::string::npos);
  CHECK(in[0].text.find("export http_proxy=1\n") != std::string::npos);  // BuildKit's proxy ARGs, as hadolint
  CHECK(in[0].text.substr(in[0].inserted_size) == "echo $VERSION");
  CHECK(in[0].script_byte(0) == std::nullopt);
  CHECK(in[0].script_byte(in[0].inserted_size) == 0u);

  // SHELL decides the dialect; a heredoc's own shebang stays on line 1 and our lines follow it.
  in = inputs_of("FROM debian\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo $RANDOM\nRUN <<EOF\n#!/bin/ksh\necho hi\nEOF\n");
  REQUIRE(in.size() == 2);
  CHECK(in[0].text.rfind("#!/bin/bash\n", 0) == 0);
  CHECK(in[1].text.rfind("#!/bin/ksh\nexport ", 0) == 0);
  CHECK(in[1].inserted_at == 11);
  CHECK(in[1].script_byte(3) == 3u);
  CHECK(in[1].script_byte(in[1].inserted_at + in[1].inserted_size) == 11u);
}

TEST_CASE("shellcheck input: ARG/ENV in scope as BuildKit has it (global ARGs not redeclared are not, base ENVs are)") {
  auto in = inputs_of(
      "ARG GLOBAL\nFROM debian AS base\nENV BASE_ENV=1\nARG BASE_ARG\nRUN true\n"
      "FROM base\nARG LOCAL bad-name\nRUN true\nENV LATER=1\n");
  REQUIRE(in.size() == 2);
  CHECK(in[0].text.find("export BASE_ENV=1") != std::string::npos);
  CHECK(in[0].text.find("export GLOBAL=1") == std::string::npos);
  CHECK(in[1].text.find("export BASE_ENV=1") != std::string::npos);  // ENV is inherited
  CHECK(in[1].text.find("export BASE_ARG=1") == std::string::npos);  // ARG is not
  CHECK(in[1].text.find("export LOCAL=1") != std::string::npos);
  CHECK(in[1].text.find("export LATER=1") == std::string::npos);     // defined after the RUN
  CHECK(in[1].text.find("bad-name") == std::string::npos);           // not a shell name
}

TEST_CASE("shellcheck cache key: SHA-256 (FIPS 180-4 test vectors)") {
  CHECK(sc::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sc::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sc::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sc::sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("shellcheck codes are rules: found by code, name and case; wiki links; MSM9002 not raised for them") {
  const Registry &r = Registry::instance();
  const Rule *rule = r.find("sc2086");
  REQUIRE(rule);
  CHECK(rule->code == "SC2086");
  CHECK(rule->from_shellcheck);
  CHECK(rule->severity == Severity::Info);
  CHECK(r.find("shellcheck-2086") == rule);
  CHECK(&r.get("SC2086") == rule);
  CHECK(r.docs_url(*rule) == "https://www.shellcheck.net/wiki/SC2086");
  CHECK(r.docs(*rule).find("wiki/SC2086") != std::string::npos);
  CHECK(r.find("SC9999") == nullptr);
  CHECK(Registry::shellcheck_rules().size() > 400);
  CHECK(r.find("SC1090") != nullptr);  // excluded by default, still a code config can name
}

TEST_CASE("shellcheck findings: codes, levels and positions through continuations, tabs, heredocs, exec form") {
  if (!shellcheck_binary()) return;
  Fixture f;
  auto ds = f.lint("FROM debian\nRUN apt-get update && \\\n\techo $x é $y\n");
  auto sc2086 = with_code(ds, "SC2086");
  REQUIRE(sc2086.size() == 2);
  CHECK(where(*sc2086[0]) == "3:7-3:9");   // `$X` after a tab, on the continued line
  CHECK(where(*sc2086[1]) == "3:12-3:14"); // columns count code points
  CHECK(sc2086[0]->severity == Severity::Info);
  auto sc2154 = with_code(ds, "SC2154");
  REQUIRE(sc2154.size() == 2);
  CHECK(sc2154[0]->severity == Severity::Warning);
  CHECK(sc2154[0]->message == "x is referenced but not assigned.");

  // A heredoc script: lines of the body.
  ds = f.lint("FROM debian\nRUN <<EOF\nset -e\ncd /tmp\necho `date`\nEOF\n");
  auto sc2006 = with_code(ds, "SC2006");
  REQUIRE(sc2006.size() == 1);
  CHECK(where(*sc2006[0]) == "5:6-5:12");

  // Exec form through sh -c: columns inside the JSON string.
  ds = f.lint("FROM debian\nRUN [\"sh\", \"-c\", \"echo $1\"]\n");
  REQUIRE(with_code(ds, "SC2086").size() == 1);
  CHECK(where(*with_code(ds, "SC2086")[0]) == "2:24-2:26");

  // Not checked: PowerShell, zsh, exec form of a program.
  ds = f.lint("FROM debian\nSHELL [\"pwsh\", \"-c\"]\nRUN echo $x\nSHELL [\"zsh\", \"-c\"]\nRUN echo $x\nRUN [\"echo\", \"$x\"]\n");
  CHECK(with_code(ds, "SC2086").empty());
}

TEST_CASE("shellcheck dialect and declared names: hadolint's cases") {
  if (!shellcheck_binary()) return;
  Fixture f;
  // sh by default: $RANDOM is undefined in POSIX sh (SC3028); bash knows it.
  CHECK(!with_code(f.lint("FROM debian\nRUN echo \"$RANDOM\"\n"), "SC3028").empty());
  CHECK(with_code(f.lint("FROM debian\nSHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\nRUN echo \"$RANDOM\"\n"), "SC3028").empty());
  // SHELL resets at a FROM that is not based on the stage.
  CHECK(!with_code(f.lint("FROM debian AS a\nSHELL [\"/bin/bash\", \"-c\"]\nFROM debian\nRUN echo \"$RANDOM\"\n"), "SC3028").empty());
  CHECK(with_code(f.lint("FROM debian AS a\nSHELL [\"/bin/bash\", \"-c\"]\nFROM a\nRUN echo \"$RANDOM\"\n"), "SC3028").empty());
  // ARG and ENV names are declared; proxies too; an unknown name is not (ShellCheck takes
  // upper-case names for the environment's, so SC2154 is about lower-case ones).
  auto ds = f.lint("FROM debian\nARG foo=bar\nENV bar=10 baz=20\nRUN echo \"$foo $bar $baz $http_proxy $rttp_proxy\"\n");
  auto sc2154 = with_code(ds, "SC2154");
  REQUIRE(sc2154.size() == 1);
  CHECK(sc2154[0]->message.rfind("rttp_proxy", 0) == 0);
  CHECK(!with_code(f.lint("FROM debian\nARG foo\nFROM debian\nRUN echo \"$foo\"\n"), "SC2154").empty());
  // ash is checked as dash without saying so (SC2187 excluded, as hadolint does).
  ds = f.lint("FROM alpine\nSHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\nRUN echo hello\n");
  CHECK(with_code(ds, "SC2187").empty());
}

TEST_CASE("shellcheck findings obey configuration and every kind of suppression") {
  if (!shellcheck_binary()) return;
  Fixture f;
  const std::string run = "FROM debian\nRUN echo $1\n";
  CHECK(with_code(f.lint(run), "SC2086").size() == 1);
  f.config.ignored.insert("SC2086");
  CHECK(with_code(f.lint(run), "SC2086").empty());
  f.config = Config{};
  f.config.overrides["SC2086"] = Severity::Error;
  CHECK(with_code(f.lint(run), "SC2086").at(0)->severity == Severity::Error);
  f.config = Config{};

  // hadolint's comment, ours, and ShellCheck's own directive inside a heredoc body.
  CHECK(with_code(f.lint("FROM debian\n# hadolint ignore=SC2086\nRUN echo $1\n"), "SC2086").empty());
  CHECK(with_code(f.lint("FROM debian\n# msmigrate ignore=sc2086\nRUN echo $1\n"), "SC2086").empty());
  CHECK(with_code(f.lint("FROM debian\nRUN <<EOF\n# shellcheck disable=SC2086\necho $1\nEOF\n"), "SC2086").empty());
  CHECK(with_code(f.lint("FROM debian\nRUN <<EOF\necho $1\nEOF\n"), "SC2086").size() == 1);

  // An unused SC suppression is reported only where ShellCheck ran on the script.
  const std::string unused = "FROM debian\n# hadolint ignore=SC2086\nRUN echo hi\n";
  CHECK(with_code(f.lint(unused), "MSM9001").size() == 1);
  sc::Runner missing(std::nullopt, std::nullopt);
  auto doc = msm::syntax::Document::parse(unused, "Dockerfile");
  LintOptions options;
  options.shellcheck_runner = &missing;
  CHECK(with_code(lint_document(*doc, Config{}, std::nullopt, options), "MSM9001").empty());
  CHECK(missing.wanted_but_missing());
  options.shellcheck = std::nullopt;
  CHECK(with_code(lint_document(*doc, Config{}, std::nullopt, options), "MSM9001").empty());
  CHECK(with_code(f.lint("FROM debian\n# hadolint ignore=SC2086\nRUN [\"echo\", \"$1\"]\n"), "MSM9001").empty());
  // A file-wide one needs every RUN checked.
  CHECK(with_code(f.lint("# hadolint global ignore=SC2086\nFROM debian\nRUN echo hi\n"), "MSM9001").size() == 1);
  CHECK(with_code(f.lint("# hadolint global ignore=SC2086\nFROM debian\nRUN echo hi\nSHELL [\"pwsh\", \"-c\"]\nRUN echo $x\n"),
                  "MSM9001").empty());
}

TEST_CASE("shellcheck missing: the other rules run, no SC finding, no error") {
  sc::Runner missing(std::nullopt, std::nullopt);
  auto doc = msm::syntax::Document::parse("FROM debian\nRUN sudo echo $1\n", "Dockerfile");
  LintOptions options;
  options.shellcheck_runner = &missing;
  auto ds = lint_document(*doc, Config{}, std::nullopt, options);
  CHECK(!with_code(ds, "DL3004").empty());
  CHECK(with_code(ds, "SC2086").empty());
  CHECK(missing.processes_started() == 0);
}

TEST_CASE("shellcheck cache: one process per file, none when warm, only the changed RUN re-checked") {
  if (!shellcheck_binary()) return;
  Fixture f;
  const std::string a = "FROM debian\nRUN echo $1\nRUN echo $2\nRUN <<EOF\necho $3\nEOF\n";
  auto cold = f.lint(a);
  CHECK(f.runner.processes_started() == 1);  // three scripts, one process
  CHECK(with_code(cold, "SC2086").size() == 3);
  auto warm = f.lint(a);
  CHECK(f.runner.processes_started() == 1);
  CHECK(f.runner.cache_hits() == 3);
  REQUIRE(warm.size() == cold.size());
  for (size_t i = 0; i < warm.size(); ++i) {
    CHECK(warm[i].rule == cold[i].rule);
    CHECK(warm[i].range == cold[i].range);
    CHECK(warm[i].message == cold[i].message);
  }
  // Editing one RUN: the two others come from the cache.
  auto edited = f.lint("FROM debian\nRUN echo $1\nRUN echo \"$2\" $4\nRUN <<EOF\necho $3\nEOF\n");
  CHECK(f.runner.processes_started() == 2);
  CHECK(f.runner.cache_hits() == 5);
  CHECK(with_code(edited, "SC2086").size() == 3);
  // The key holds the declared names: declaring one re-checks the script.
  auto declared = f.lint("FROM debian\nARG x\nRUN echo \"$x\"\n");
  CHECK(with_code(declared, "SC2154").empty());
  CHECK(!with_code(f.lint("FROM debian\nRUN echo \"$x\"\n"), "SC2154").empty());
  // CachedOnly never starts a process.
  size_t before = f.runner.processes_started();
  auto cached_only = f.lint("FROM debian\nRUN echo $NEW_ONE\n", sc::Mode::CachedOnly);
  CHECK(f.runner.processes_started() == before);
  CHECK(with_code(cached_only, "SC2086").empty());
}

TEST_CASE("shellcheck fixes: ShellCheck's edits as unsafe fixes, only where the text is contiguous") {
  if (!shellcheck_binary()) return;
  Fixture f;
  auto fixed = fix_with(
      "FROM debian\nRUN echo $1 `date`\n", "Dockerfile",
      [&](const msm::syntax::Document &doc) {
        LintOptions options;
        options.shellcheck_runner = &f.runner;
        return lint_document(doc, f.config, std::nullopt, options);
      },
      msm::edit::Applicability::Unsafe);
  CHECK(fixed.text == "FROM debian\nRUN echo \"$1\" $(date)\n");  // SC2046 on $(date) has no fix
  CHECK(fixed.rounds == 1);
  auto ds = f.lint("FROM debian\nRUN echo $1\n");
  REQUIRE(with_code(ds, "SC2086").size() == 1);
  REQUIRE(with_code(ds, "SC2086")[0]->fix);
  CHECK(with_code(ds, "SC2086")[0]->fix->applicability == msm::edit::Applicability::Unsafe);
  // In exec form the inserted quotes are JSON-escaped.
  ds = f.lint("FROM debian\nRUN [\"sh\", \"-c\", \"echo $1\"]\n");
  REQUIRE(with_code(ds, "SC2086").size() == 1);
  REQUIRE(with_code(ds, "SC2086")[0]->fix);
  auto text = msm::edit::apply_edits("FROM debian\nRUN [\"sh\", \"-c\", \"echo $1\"]\n", with_code(ds, "SC2086")[0]->fix->edits);
  CHECK(text == "FROM debian\nRUN [\"sh\", \"-c\", \"echo \\\"$1\\\"\"]\n");
  // A word cut by a continuation gets no fix.
  ds = f.lint("FROM debian\nRUN echo $1\\\nx\n");
  REQUIRE(with_code(ds, "SC2086").size() == 1);
  CHECK(!with_code(ds, "SC2086")[0]->fix);
}

TEST_CASE("shellcheck in the language server: the keystroke path never waits, a second wave brings SC findings") {
  if (!shellcheck_binary()) return;
  TempDir cache;
  sc::Runner runner(shellcheck_binary(), cache.path);
  std::vector<msm::lsp::json> out;
  msm::lsp::ServerOptions options;
  options.shellcheck_runner = &runner;
  msm::lsp::Server server([&](const msm::lsp::json &m) { out.push_back(m); }, options);
  auto handle = [&](const std::string &method, const msm::lsp::json &params, std::optional<int> id = std::nullopt) {
    msm::lsp::json m{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}};
    if (id) m["id"] = *id;
    server.handle(m);
  };
  auto codes = [&] {
    std::vector<std::string> found;
    for (const auto &m : out) {
      if (m.value("method", "") != "textDocument/publishDiagnostics") continue;
      found.clear();
      for (const auto &d : m["params"]["diagnostics"]) found.push_back(d.value("code", ""));
    }
    out.clear();
    return found;
  };
  handle("initialize", {{"capabilities", msm::lsp::json::object()}}, 1);
  handle("initialized", msm::lsp::json::object());
  out.clear();
  handle("textDocument/didOpen", {{"textDocument", {{"uri", "untitled:Dockerfile"}, {"languageId", "dockerfile"}, {"version", 1},
                                                    {"text", "FROM debian\nRUN sudo echo $1\n"}}}});
  auto first = codes();
  CHECK(std::find(first.begin(), first.end(), "DL3004") != first.end());
  CHECK(std::find(first.begin(), first.end(), "SC2086") == first.end());
  server.wait_background();
  auto second = codes();
  CHECK(std::find(second.begin(), second.end(), "DL3004") != second.end());
  CHECK(std::find(second.begin(), second.end(), "SC2086") != second.end());
  CHECK(runner.processes_started() == 1);
}
