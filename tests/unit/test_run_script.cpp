// The RUN shell view: which text is a script, in which dialect, and exact source bytes per word.

#include <doctest/doctest.h>

#include <string>

#include "analysis/run_script.h"

using namespace msm::analysis;

namespace {

struct Parsed {
  std::unique_ptr<msm::syntax::Document> doc;
  std::unique_ptr<StageGraph> graph;
  std::vector<RunView> runs;
};

Parsed parse(const std::string &text) {
  Parsed p;
  p.doc = msm::syntax::Document::parse(text);
  p.graph = std::make_unique<StageGraph>(*p.doc);
  p.runs = read_runs(*p.doc, *p.graph);
  return p;
}

// The first command named `name` in the view's scripts.
const RunCommand *find(const RunView &v, std::string_view name, const RunScript **in = nullptr) {
  for (const auto &s : v.scripts) {
    for (const auto &c : s.commands()) {
      if (c.command->name() == name) {
        if (in) *in = &s;
        return &c;
      }
    }
  }
  return nullptr;
}

// The Dockerfile text of a command's word `i`.
std::string word_source(const Parsed &p, const RunView &v, std::string_view name, size_t i) {
  const RunScript *s = nullptr;
  const RunCommand *c = find(v, name, &s);
  REQUIRE(c);
  REQUIRE(i < c->command->words.size());
  return std::string(p.doc->text(s->source_range(c->command->words[i].range)));
}

}  // namespace

TEST_CASE("run view: words map back through continuations and comment lines") {
  auto p = parse("FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y \\\n# a comment\n      curl  \\\n  git\n");
  REQUIRE(p.runs.size() == 1);
  const RunView &v = p.runs[0];
  REQUIRE(v.scripts.size() == 1);
  CHECK(v.scripts[0].origin() == RunScript::Origin::ShellForm);
  const auto &cmds = v.scripts[0].commands();
  REQUIRE(cmds.size() == 2);
  const auto &install = *cmds[1].command;
  REQUIRE(install.words.size() == 5);
  const RunScript &s = v.scripts[0];
  auto curl = s.source_range(install.words[3].range);
  CHECK(p.doc->text(curl) == "curl");
  CHECK(p.doc->lines().line_of(curl.start) == 5);
  auto git = s.source_range(install.words[4].range);
  CHECK(p.doc->text(git) == "git");
  CHECK(p.doc->lines().line_of(git.start) == 6);
  CHECK(s.contiguous(install.words[3].range));
  // The whole command spans the continuation lines: not one contiguous piece of source.
  CHECK_FALSE(s.contiguous(install.range));
  // Where the script ends maps to just after its last byte.
  CHECK(s.source_byte(static_cast<uint32_t>(s.script().source().size())) == git.end);
}

TEST_CASE("run view: the escape directive's backtick continues lines") {
  auto p = parse("# escape=`\nFROM debian:12\nRUN apk add `\n    curl\n");
  REQUIRE(p.runs.size() == 1);
  CHECK(word_source(p, p.runs[0], "apk", 2) == "curl");
}

TEST_CASE("run view: flags are not part of the script; cache mounts are listed") {
  auto p = parse("FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=bind,source=.,target=/src "
                 "apt-get install -y x\n");
  const RunView &v = p.runs[0];
  CHECK(v.scripts[0].script().source() == "apt-get install -y x");
  CHECK(word_source(p, v, "apt-get", 3) == "x");
  REQUIRE(v.cache_mounts.size() == 1);
  CHECK(v.cached("/var/cache/apt"));
  CHECK(v.cached("/var/cache/apt/archives/"));
  CHECK_FALSE(v.cached("/var/cache"));
  CHECK_FALSE(v.cached("/src"));
}

TEST_CASE("run view: a heredoc alone is the script, with the stage's shell or its shebang") {
  auto p = parse("FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n");
  REQUIRE(p.runs[0].scripts.size() == 1);
  const RunScript &s = p.runs[0].scripts[0];
  CHECK(s.origin() == RunScript::Origin::Heredoc);
  CHECK(s.heredoc() == 0);
  CHECK(s.dialect() == ShellDialect::Sh);
  CHECK(s.commands().size() == 2);
  CHECK(word_source(p, p.runs[0], "apt-get", 1) == "update");
  auto range = s.source_range(s.commands()[1].command->words[3].range);
  CHECK(p.doc->lines().line_of(range.start) == 4);

  auto bash = parse("FROM debian:12\nRUN <<EOF\n#!/usr/bin/env bash\nset -eo pipefail\ncurl x | sh\nEOF\n");
  REQUIRE(bash.runs[0].scripts.size() == 1);
  CHECK(bash.runs[0].scripts[0].dialect() == ShellDialect::Bash);
  const RunCommand *curl = find(bash.runs[0], "curl");
  REQUIRE(curl);
  CHECK(curl->state.pipefail);
  CHECK(curl->state.errexit);

  auto python = parse("FROM python:3\nRUN <<EOF\n#!/usr/bin/env python3\nprint('apt-get install x')\nEOF\n");
  CHECK(python.runs[0].scripts.empty());
  CHECK(python.runs[0].skip_reason.has_value());
}

TEST_CASE("run view: a heredoc read by a shell on stdin is a script; one written to a file is not") {
  for (const char *text : {"FROM debian:12\nRUN bash <<EOF\nset -o pipefail\nwget -O- x | tar x\nEOF\n",
                           "FROM debian:12\nRUN <<EOF bash\nset -o pipefail\nwget -O- x | tar x\nEOF\n",
                           "FROM debian:12\nRUN bash -e <<'EOF'\nset -o pipefail\nwget -O- x | tar x\nEOF\n"}) {
    CAPTURE(text);
    auto p = parse(text);
    REQUIRE(p.runs[0].scripts.size() == 2);
    const RunScript &body = p.runs[0].scripts[1];
    CHECK(body.origin() == RunScript::Origin::Heredoc);
    CHECK(body.dialect() == ShellDialect::Bash);
    const RunScript *in = nullptr;
    const RunCommand *tar = find(p.runs[0], "tar", &in);
    REQUIRE(tar);
    CHECK(in == &body);
    CHECK(tar->state.pipefail);
    CHECK(word_source(p, p.runs[0], "wget", 2) == "x");
  }
  auto file = parse("FROM debian:12\nRUN cat <<EOF > /etc/apt/sources.list\napt-get install x\nEOF\n");
  REQUIRE(file.runs[0].scripts.size() == 1);
  CHECK(find(file.runs[0], "apt-get") == nullptr);
  CHECK(find(file.runs[0], "cat") != nullptr);
  // `sh -c` runs its argument, not stdin.
  auto c = parse("FROM debian:12\nRUN sh -c 'echo hi' <<EOF\napt-get install x\nEOF\n");
  CHECK(c.runs[0].scripts.size() == 1);
}

TEST_CASE("run view: exec form through a POSIX shell, with JSON escapes mapped") {
  auto p = parse("FROM debian:12\nRUN [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\", \"apt-get install -y \\\"curl\\\" git\"]\n");
  REQUIRE(p.runs[0].scripts.size() == 1);
  const RunScript &s = p.runs[0].scripts[0];
  CHECK(s.origin() == RunScript::Origin::ExecForm);
  CHECK(s.dialect() == ShellDialect::Bash);
  CHECK(s.commands()[0].state.pipefail);
  CHECK(word_source(p, p.runs[0], "apt-get", 4) == "git");
  const auto &quoted = s.commands()[0].command->words[3];
  CHECK(quoted.raw == "\"curl\"");
  CHECK(p.doc->text(s.source_range(quoted.range)) == "\\\"curl\\\"");
  CHECK_FALSE(s.contiguous(quoted.range));

  auto direct = parse("FROM debian:12\nRUN [\"apt-get\", \"install\", \"x\"]\n");
  CHECK(direct.runs[0].scripts.empty());
  auto script_file = parse("FROM debian:12\nRUN [\"sh\", \"/install.sh\"]\n");
  CHECK(script_file.runs[0].scripts.empty());
}

TEST_CASE("run view: the stage's SHELL, its inheritance, Windows images and the shell pragma") {
  auto ps = parse("FROM debian:12\nSHELL [\"pwsh\", \"-command\"]\nRUN apt-get install x\n");
  CHECK(ps.runs[0].shell.dialect == ShellDialect::PowerShell);
  CHECK(ps.runs[0].scripts.empty());
  CHECK(ps.runs[0].skip_reason.has_value());

  auto inherit = parse("FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-euo\", \"pipefail\", \"-c\"]\n"
                       "FROM base\nRUN curl x | sh\nFROM debian:12\nRUN curl x | sh\n");
  REQUIRE(inherit.runs.size() == 2);
  CHECK(inherit.runs[0].shell.dialect == ShellDialect::Bash);
  CHECK(inherit.runs[0].shell.pipefail);
  CHECK(inherit.runs[0].scripts[0].commands()[0].state.pipefail);
  CHECK(inherit.runs[0].scripts[0].commands()[0].state.errexit);
  CHECK(inherit.runs[1].shell.dialect == ShellDialect::Sh);
  CHECK_FALSE(inherit.runs[1].scripts[0].commands()[0].state.pipefail);

  auto windows = parse("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir c:\\\n");
  CHECK(windows.runs[0].shell.dialect == ShellDialect::Cmd);
  CHECK(windows.runs[0].scripts.empty());

  auto pragma = parse("# hadolint shell=powershell\nFROM debian:12\nRUN Get-Item x\n");
  CHECK(pragma.runs[0].shell.dialect == ShellDialect::PowerShell);
  CHECK(pragma.runs[0].shell.from_pragma);
  CHECK(pragma.runs[0].scripts.empty());
  // A SHELL after the pragma wins.
  auto later = parse("# hadolint shell=powershell\nFROM debian:12\nSHELL [\"/bin/sh\", \"-c\"]\nRUN ls\n");
  CHECK(later.runs[0].shell.dialect == ShellDialect::Sh);
  CHECK(later.runs[0].scripts.size() == 1);
}

TEST_CASE("run view: ONBUILD RUN and snippets without FROM") {
  auto p = parse("FROM debian:12\nONBUILD RUN apt-get install \\\n  curl\n");
  REQUIRE(p.runs.size() == 1);
  CHECK(p.runs[0].onbuild);
  CHECK(p.runs[0].run != p.runs[0].holder);
  CHECK(word_source(p, p.runs[0], "apt-get", 2) == "curl");

  auto heredoc = parse("FROM debian:12\nONBUILD RUN <<EOF\napk add x\nEOF\n");
  REQUIRE(heredoc.runs[0].scripts.size() == 1);
  CHECK(word_source(heredoc, heredoc.runs[0], "apk", 2) == "x");

  auto snippet = parse("RUN pip install flask\n");
  REQUIRE(snippet.runs.size() == 1);
  CHECK_FALSE(snippet.runs[0].stage.has_value());
  CHECK(word_source(snippet, snippet.runs[0], "pip", 2) == "flask");
}

TEST_CASE("run view: set and cd state, substitutions and dialect names") {
  auto p = parse("FROM debian:12\nRUN cd /src && set -e && make | tee log && (set -o pipefail) && x=$(curl a | sh) && set +e\n");
  const RunScript &s = p.runs[0].scripts[0];
  const RunCommand *make = find(p.runs[0], "make");
  REQUIRE(make);
  CHECK(make->state.errexit);
  CHECK(make->state.changed_directory);
  CHECK_FALSE(make->state.pipefail);
  const RunCommand *curl = find(p.runs[0], "curl");
  REQUIRE(curl);
  CHECK(curl->nested);
  CHECK_FALSE(curl->state.pipefail);  // the subshell's set did not leak
  CHECK_FALSE(s.final_state().errexit);

  CHECK(dialect_of_interpreter("/bin/bash") == ShellDialect::Bash);
  CHECK(dialect_of_interpreter("/usr/bin/env -S bash -e") == ShellDialect::Bash);
  CHECK(dialect_of_interpreter("/bin/busybox sh") == ShellDialect::Ash);
  CHECK(dialect_of_interpreter("powershell.exe") == ShellDialect::PowerShell);
  CHECK(dialect_of_interpreter("cmd") == ShellDialect::Cmd);
  CHECK(dialect_of_interpreter("/usr/bin/python3") == ShellDialect::Other);
  CHECK(is_posix_like(ShellDialect::Dash));
  CHECK_FALSE(is_posix_like(ShellDialect::Cmd));
}
