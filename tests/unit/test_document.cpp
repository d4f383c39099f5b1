// The syntax model: directives, continuations, heredocs, exec form, comments, lines, ranges.

#include <doctest/doctest.h>

#include <string>

#include "syntax/document.h"

using msm::syntax::Document;
using msm::syntax::InstructionKind;

namespace {

std::unique_ptr<Document> parse(const std::string &s) { return Document::parse(s, "Dockerfile"); }

std::vector<std::string> args_of(const msm::syntax::Instruction &ins) {
  std::vector<std::string> out;
  for (const auto &a : ins.args) out.push_back(a.value);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("directives: case-insensitive keys, escape switches for the rest of the file") {
  auto doc = parse("# Syntax = docker/dockerfile:1\n#escape=`\nFROM busybox\nRUN echo a `\n    b\n");
  CHECK(doc->escape() == '`');
  REQUIRE(doc->directives().size() == 2);
  CHECK(doc->directives()[0].key == "syntax");
  CHECK(doc->directives()[0].value == "docker/dockerfile:1");
  REQUIRE(doc->instructions().size() == 2);
  CHECK(args_of(doc->instructions()[1]) == Strings{"echo a     b"});
  CHECK(doc->instructions()[0].prev_comment.empty());
}

TEST_CASE("directives: an empty line, an unknown key or a shebang ends the prologue") {
  auto a = parse("\n# escape=`\nFROM busybox\n");
  CHECK(a->escape() == '\\');
  CHECK(a->instructions()[0].prev_comment == Strings{"escape=`"});
  auto b = parse("# author=me\n# escape=`\nFROM busybox\n");
  CHECK(b->escape() == '\\');
  CHECK(b->instructions()[0].prev_comment == Strings{"author=me", "escape=`"});
  auto c = parse("#!/usr/bin/env buildx\n# escape=`\nFROM busybox\n");
  CHECK(c->instructions()[0].prev_comment == Strings{"!/usr/bin/env buildx", "escape=`"});
}

TEST_CASE("directives: indented directive, duplicates and bad escape values are errors") {
  auto a = parse("  #  check = skip=all;error=true\nFROM busybox\n");
  REQUIRE(a->directive("check") != nullptr);
  CHECK(a->directive("check")->value == "skip=all;error=true");
  CHECK(a->instructions()[0].prev_comment.empty());
  auto dup = parse("# escape=\\\n# ESCAPE=`\nFROM a\n");
  REQUIRE(!dup->problems().empty());
  CHECK(dup->problems()[0].message == "only one escape parser directive can be used");
  auto bad = parse("# escape=#\nFROM a\n");
  REQUIRE(!bad->problems().empty());
  CHECK(bad->problems()[0].message == "invalid escape token '#' does not match ` or \\");
}

TEST_CASE("continuations: blanks after the escape, comment and empty lines inside, escaped escape") {
  auto doc = parse("FROM busybox\nRUN a \\\n# comment inside \\\n\\\n\n    b\\\nc  \\\t\nd \\\\\ne\n");
  REQUIRE(doc->instructions().size() == 3);
  const auto &run = doc->instructions()[1];
  CHECK(args_of(run) == Strings{"a     bc  d \\\\"});
  CHECK(run.start_line == 2);
  CHECK(run.end_line == 8);
  CHECK(doc->instructions()[2].kind == InstructionKind::Unknown);
  CHECK(doc->instructions()[2].keyword == "e");
  REQUIRE(doc->warnings().size() == 1);
  CHECK(doc->warnings()[0] == "Empty continuation line found in: RUN a     bc  d \\\\");
}

TEST_CASE("continuations: at end of file, and swallowing the next line after a blank") {
  auto eof = parse("FROM a\nRUN make \\");
  CHECK(args_of(eof->instructions()[1]) == Strings{"make"});
  auto eof_comment = parse("FROM a\nRUN make \\\n# trailing\n");
  CHECK(args_of(eof_comment->instructions()[1]) == Strings{"make"});
  auto swallow = parse("RUN apk add x \\\n\nCOPY a /b\n");
  REQUIRE(swallow->instructions().size() == 1);
  CHECK(args_of(swallow->instructions()[0]) == Strings{"apk add x COPY a /b"});
  CHECK(swallow->instructions()[0].end_line == 3);
}

TEST_CASE("continuations: under escape=` a trailing backslash is ordinary") {
  auto doc = parse("# escape=`\nFROM a\nRUN dir C:\\\nRUN x `\n  y\n");
  REQUIRE(doc->instructions().size() == 3);
  CHECK(args_of(doc->instructions()[1]) == Strings{"dir C:\\"});
  CHECK(args_of(doc->instructions()[2]) == Strings{"x   y"});
}

TEST_CASE("heredocs: several per instruction, quoted markers, chomp, fd, exact terminator") {
  auto doc = parse(
      "FROM busybox\nCOPY <<a.txt <<'b.txt' /out/\nx=$HOME\na.txt\ny=$HOME\nb.txt\n"
      "RUN <<-EOT sh -e\n\techo hi\n\tEOT\n"
      "RUN python3 4<<\"PY\" /dev/fd/4\nprint(1)\nPY \nPY\n");
  REQUIRE(doc->instructions().size() == 4);
  const auto &copy = doc->instructions()[1];
  REQUIRE(copy.heredocs.size() == 2);
  CHECK(copy.heredocs[0].name == "a.txt");
  CHECK(copy.heredocs[0].expand);
  CHECK(copy.heredocs[0].content == "x=$HOME\n");
  CHECK(copy.heredocs[1].name == "b.txt");
  CHECK_FALSE(copy.heredocs[1].expand);
  CHECK(copy.heredocs[1].content == "y=$HOME\n");
  CHECK(copy.start_line == 2);
  CHECK(copy.end_line == 6);
  CHECK(args_of(copy) == Strings{"<<a.txt", "<<'b.txt'", "/out/"});
  const auto &chomp = doc->instructions()[2];
  REQUIRE(chomp.heredocs.size() == 1);
  CHECK(chomp.heredocs[0].chomp);
  CHECK(chomp.heredocs[0].content == "\techo hi\n");
  CHECK(chomp.end_line == 9);
  const auto &fd = doc->instructions()[3];
  REQUIRE(fd.heredocs.size() == 1);
  CHECK(fd.heredocs[0].fd == 4);
  CHECK_FALSE(fd.heredocs[0].expand);
  CHECK(fd.heredocs[0].content == "print(1)\nPY \n");
  CHECK(fd.end_line == 13);
  CHECK(doc->problems().empty());
}

TEST_CASE("heredocs: not markers, ONBUILD, unterminated") {
  auto doc = parse("FROM a\nRUN cat<<EOF \"<<EOF\" '<<EOF' <<<EOF\nENV A=<<EOF\n");
  REQUIRE(doc->instructions().size() == 3);
  CHECK(doc->instructions()[1].heredocs.empty());
  auto onbuild = parse("FROM a\nONBUILD RUN <<EOF\necho hi\nEOF\nRUN ok\n");
  REQUIRE(onbuild->instructions().size() == 3);
  REQUIRE(onbuild->instructions()[1].heredocs.size() == 1);
  CHECK(onbuild->instructions()[1].heredocs[0].content == "echo hi\n");
  REQUIRE(onbuild->instructions()[1].trigger != nullptr);
  CHECK(onbuild->instructions()[1].trigger->kind == InstructionKind::Run);
  auto open = parse("FROM a\nRUN <<EOF\necho hi\n");
  bool reported = false;
  for (const auto &p : open->problems()) reported = reported || p.message == "unterminated heredoc";
  CHECK(reported);
}

TEST_CASE("exec form: valid JSON string arrays only, otherwise shell form") {
  auto doc = parse(
      "FROM a\nCMD [\"app\", \"--port\", \"80\"]\nCMD [\"app\" \"--port\"]\nCMD [ \"app\" ]   \n"
      "RUN [ -f /x ] && echo yes\nENTRYPOINT []\nCMD [\"caf\\u00e9\", \"tab\\there\"]\n");
  const auto &ins = doc->instructions();
  REQUIRE(ins.size() == 7);
  CHECK(ins[1].json);
  CHECK(args_of(ins[1]) == Strings{"app", "--port", "80"});
  CHECK_FALSE(ins[2].json);
  CHECK(args_of(ins[2]) == Strings{"[\"app\" \"--port\"]"});
  CHECK(ins[3].json);
  CHECK(args_of(ins[3]) == Strings{"app"});
  CHECK_FALSE(ins[4].json);
  CHECK(ins[5].json);
  CHECK(ins[5].args.empty());
  CHECK(args_of(ins[6]) == Strings{"caf\xc3\xa9", "tab\there"});
}

TEST_CASE("keywords in any case, leading whitespace, CRLF, BOM, tabs, no final newline") {
  auto doc = parse("\xEF\xBB\xBF  from\talpine as Build\r\n\trun echo hi\r\nRUN last");
  REQUIRE(doc->instructions().size() == 3);
  CHECK(doc->instructions()[0].kind == InstructionKind::From);
  CHECK(doc->instructions()[0].keyword == "from");
  CHECK(args_of(doc->instructions()[0]) == Strings{"alpine", "as", "Build"});
  CHECK(doc->instructions()[1].original == "run echo hi");
  CHECK(args_of(doc->instructions()[2]) == Strings{"last"});
  CHECK(doc->problems().empty());
}

TEST_CASE("ranges point at the exact source bytes, across continuations") {
  std::string src = "FROM a\nCOPY --from=build \\\n  /out /dst\n";
  auto doc = parse(src);
  const auto &copy = doc->instructions()[1];
  REQUIRE(copy.flags.size() == 1);
  CHECK(doc->text(copy.flags[0].range) == "--from=build");
  CHECK(copy.flags[0].name == "from");
  CHECK(copy.flags[0].value == std::optional<std::string>("build"));
  REQUIRE(copy.args.size() == 2);
  CHECK(doc->text(copy.args[0].range) == "/out");
  CHECK(doc->text(copy.args[1].range) == "/dst");
  auto pos = doc->lines().position(copy.args[1].range.start);
  CHECK(pos.line == 3);
  CHECK(pos.column == 8);
  CHECK(doc->text(copy.keyword_range) == "COPY");
}

TEST_CASE("error recovery: a broken instruction does not hide the rest") {
  auto doc = parse("FROM a AS\nRUN echo ok\nCOPY x /y\n");
  REQUIRE(doc->instructions().size() == 3);
  CHECK(doc->instructions()[1].kind == InstructionKind::Run);
  CHECK(doc->instructions()[2].kind == InstructionKind::Copy);
}

TEST_CASE("bad input: empty, only comments, binary-looking bytes, invalid UTF-8") {
  CHECK(parse("")->problems().at(0).message == "file with no instructions");
  CHECK(parse("# just a comment\n\n")->problems().at(0).message == "file with no instructions");
  auto invalid = parse("FROM a\nRUN echo \xff\xfe\n");
  REQUIRE(invalid->instructions().size() == 2);
  CHECK(invalid->instructions()[1].args.at(0).value == "echo \xff\xfe");
  std::string long_line = "RUN " + std::string(70000, 'x') + "\n";
  bool too_long = false;
  auto long_doc = parse(long_line);
  for (const auto &p : long_doc->problems()) too_long = too_long || p.message.find("65535") != std::string::npos;
  CHECK(too_long);
}
