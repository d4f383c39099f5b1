// The shell view over tree-sitter-bash: commands, connectors, pipelines, redirections, words.

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include "analysis/shell.h"

using namespace msm::analysis;
using namespace msm::analysis::shell;

namespace {

VariableLookup vars(std::map<std::string, std::string, std::less<>> m) {
  return [m](std::string_view name) -> std::optional<std::string> {
    auto it = m.find(name);
    if (it == m.end()) return std::nullopt;
    return it->second;
  };
}

std::string value(const Word &w, const VariableLookup &lookup, const SubstitutionEval &sub = {}) {
  return evaluate(w, lookup, sub).value;
}

}  // namespace

TEST_CASE("shell: && chains keep host commands apart from docker run's own arguments") {
  auto s = Script::parse("docker run --rm -v \"$PWD\":/w -w /w img make && make package\n");
  REQUIRE(s->commands().size() == 2);
  CHECK(s->commands()[0].name() == "docker");
  CHECK(s->commands()[0].words.size() == 9);
  CHECK(s->commands()[1].name() == "make");
  CHECK(s->commands()[1].connector == Connector::And);
  auto s2 = Script::parse("docker run img sh -c \"make && cp out /x\"\n");
  REQUIRE(s2->commands().size() == 1);
  CHECK(value(s2->commands()[0].words.back(), vars({})) == "make && cp out /x");
}

TEST_CASE("shell: continuations, assignments, defaults and substitutions") {
  auto s = Script::parse("#!/bin/sh -e\nTAG=${TAG:-latest}\nid=$(docker create \\\n  app:\"$TAG\")\ndocker cp \"$id\":/src/app ./app\n");
  const auto &cmds = s->commands();
  REQUIRE(cmds.size() == 3);
  REQUIRE(cmds[0].assignments.size() == 1);
  CHECK(cmds[0].assignments[0].name == "TAG");
  CHECK(value(*cmds[0].assignments[0].value, vars({})) == "latest");
  CHECK(value(*cmds[0].assignments[0].value, vars({{"TAG", "v1"}})) == "v1");
  const Word &id = *cmds[1].assignments[0].value;
  REQUIRE(id.substitutions.size() == 1);
  REQUIRE(id.substitutions[0].commands.size() == 1);
  const Command &create = id.substitutions[0].commands[0];
  CHECK(create.words.size() == 3);
  CHECK(value(create.words[2], vars({{"TAG", "v1"}})) == "app:v1");
  CHECK(create.line == 3);
  auto v = evaluate(cmds[2].words[2], vars({{"id", "C1"}}), {});
  CHECK(v.value == "C1:/src/app");
  CHECK_FALSE(v.dynamic);
  auto u = evaluate(cmds[2].words[2], vars({}), {});
  CHECK(u.dynamic);
  auto sub = evaluate(id, vars({}), [](const Substitution &) { return std::optional<std::string>("X"); });
  CHECK(sub.value == "X");
}

TEST_CASE("shell: pipelines, redirections and heredocs") {
  auto s = Script::parse("docker run --rm img cat /out/app > bin/app 2>/dev/null\n"
                         "docker run --rm img tar -c -C /out . | tar -x -C dist\n");
  const auto &cmds = s->commands();
  REQUIRE(cmds.size() == 3);
  REQUIRE(cmds[0].redirects.size() == 2);
  CHECK(cmds[0].redirects[0].op == ">");
  CHECK(cmds[0].redirects[0].target->raw == "bin/app");
  CHECK(cmds[0].redirects[1].fd == 2u);
  CHECK(cmds[1].pipeline != 0);
  CHECK(cmds[1].pipeline == cmds[2].pipeline);
  CHECK(cmds[2].pipe_index == 1);
  CHECK(cmds[2].connector == Connector::Pipe);
}

TEST_CASE("shell: functions, control flow and declarations") {
  auto s = Script::parse("build() {\n  docker build -t \"$1\" .\n}\n"
                         "if [ ! -d out ]; then mkdir out; fi\n"
                         "for a in amd64 arm64; do docker build --build-arg A=$a .; done\n"
                         "export IMG=app\nbuild \"$IMG\"\n");
  REQUIRE(s->functions().count("build") == 1);
  CHECK(s->functions().at("build").body.size() == 1);
  CHECK(s->functions().at("build").body[0].inside("function"));
  const auto &cmds = s->commands();
  REQUIRE(cmds.size() == 5);
  CHECK(cmds[0].test);
  CHECK(cmds[0].inside("condition"));
  CHECK(cmds[1].name() == "mkdir");
  CHECK(cmds[1].inside("if"));
  CHECK_FALSE(cmds[1].inside("condition"));
  CHECK(cmds[2].inside("for"));
  CHECK(cmds[3].declaration);
  CHECK(cmds[3].assignments.at(0).name == "IMG");
  CHECK(cmds[4].name() == "build");
}

TEST_CASE("shell: quoting and escapes are removed as the shell removes them") {
  auto s = Script::parse("echo 'a $B' \"c $B\" d\\ e ${B:+set} ~/x\n");
  const auto &w = s->commands().at(0).words;
  REQUIRE(w.size() == 6);
  auto lookup = vars({{"B", "1"}, {"HOME", "/home/u"}});
  CHECK(value(w[1], lookup) == "a $B");
  CHECK(value(w[2], lookup) == "c 1");
  CHECK(value(w[3], lookup) == "d e");
  CHECK(value(w[4], lookup) == "set");
  CHECK(value(w[5], lookup) == "/home/u/x");
}

TEST_CASE("shell: a BOM before the shebang and syntax errors are reported, not fatal") {
  auto s = Script::parse("\xEF\xBB\xBF#!/bin/sh\nls\n");
  CHECK(s->problems().empty());
  REQUIRE(s->commands().size() == 1);
  CHECK(s->commands()[0].line == 2);
  auto bad = Script::parse("if then fi (\n");
  CHECK_FALSE(bad->problems().empty());
}

TEST_CASE("shell: identical texts share one parse, and it reads as a fresh parse does") {
  std::string text = "set -e\napt-get update && apt-get install -y curl  # comment\n";
  auto first = Script::parse_shared(text);
  auto second = Script::parse_shared(text);
  CHECK(first.get() == second.get());
  auto other = Script::parse_shared(text + "echo done\n");
  CHECK(other.get() != first.get());
  CHECK(other->commands().size() == first->commands().size() + 1);

  auto fresh = Script::parse(text);
  REQUIRE(fresh->commands().size() == first->commands().size());
  for (size_t i = 0; i < fresh->commands().size(); ++i) {
    CHECK(fresh->commands()[i].range.start == first->commands()[i].range.start);
    CHECK(fresh->commands()[i].name() == first->commands()[i].name());
  }
  // Read from the tree before it is freed: the end of the code, before the trailing comment.
  CHECK(first->code_end() == text.find("  # comment"));
  CHECK(fresh->code_end() == first->code_end());
}

TEST_CASE("shell: an argument tree-sitter-bash splits without a blank is one word") {
  // tree-sitter-bash ends `$I:$TAG-slim` after `$I:$`; the shell reads one word.
  auto s = Script::parse("docker build -t $I:$TAG-slim .\n");
  REQUIRE(s->commands().size() == 1);
  const auto &words = s->commands()[0].words;
  REQUIRE(words.size() == 5);
  CHECK(words[3].raw == "$I:$TAG-slim");
  CHECK(value(words[3], vars({{"I", "img"}, {"TAG", "1.2"}})) == "img:1.2-slim");
  CHECK(std::find(words[3].bare_references.begin(), words[3].bare_references.end(), "TAG") !=
        words[3].bare_references.end());
  CHECK(words[4].raw == ".");
}
