// Parser directives end where BuildKit stops reading them: at the first instruction, empty line,
// comment that is no directive (a shebang, a bare `#`, prose) or directive with an unknown key.
// An `# escape=` after that is an ordinary comment and must not change how lines continue.

#include <doctest/doctest.h>

#include "syntax/document.h"

using msm::syntax::Document;

namespace {

struct Expected {
  const char *text;
  char escape;
  std::vector<std::string> keywords;       // instructions, in order
  std::vector<uint32_t> start_lines;
  std::vector<std::string> first_prev_comment;  // of the instruction holding the escape comment
};

void check(const Expected &e) {
  CAPTURE(e.text);
  auto doc = Document::parse(e.text, "Dockerfile");
  CHECK(doc->problems().empty());
  CHECK(doc->escape() == e.escape);
  std::vector<std::string> keywords;
  std::vector<uint32_t> lines;
  for (const auto &ins : doc->instructions()) {
    keywords.push_back(ins.keyword);
    lines.push_back(ins.start_line);
  }
  CHECK(keywords == e.keywords);
  CHECK(lines == e.start_lines);
  bool found = e.first_prev_comment.empty();
  for (const auto &ins : doc->instructions()) {
    if (!ins.prev_comment.empty()) found = found || ins.prev_comment == e.first_prev_comment;
  }
  CHECK(found);
}

}  // namespace

TEST_CASE("directives: an escape comment after an instruction is a comment") {
  // With the backtick as escape the RUN would swallow the `b` line.
  check({"FROM busybox\n# escape=`\nRUN echo a `\nb\n", '\\', {"FROM", "RUN", "b"}, {1, 3, 4}, {"escape=`"}});
}

TEST_CASE("directives: an empty line ends the directives") {
  check({"\n# escape=`\nFROM busybox\nRUN echo a `\nb\n", '\\', {"FROM", "RUN", "b"}, {3, 4, 5}, {"escape=`"}});
  check({"# syntax=docker/dockerfile:1\n\n# escape=`\nFROM busybox\nRUN echo a `\nb\n", '\\',
         {"FROM", "RUN", "b"}, {4, 5, 6}, {"escape=`"}});
}

TEST_CASE("directives: a comment, a shebang or an unknown key ends the directives") {
  check({"# hello\n# escape=`\nFROM busybox\nRUN echo a `\nb\n", '\\', {"FROM", "RUN", "b"}, {3, 4, 5},
         {"hello", "escape=`"}});
  check({"#!/usr/bin/env buildx\n# escape=`\nFROM busybox\nRUN echo a `\nb\n", '\\', {"FROM", "RUN", "b"},
         {3, 4, 5}, {"!/usr/bin/env buildx", "escape=`"}});
  check({"# author=me\n# escape=`\nFROM busybox\nRUN echo a `\nb\n", '\\', {"FROM", "RUN", "b"}, {3, 4, 5},
         {"author=me", "escape=`"}});
}

TEST_CASE("directives: a well-formed prefix still sets the escape char") {
  check({"# syntax=docker/dockerfile:1\n  #  ESCAPE = `\nFROM busybox\nRUN echo a `\nb\n", '`', {"FROM", "RUN"},
         {3, 4}, {}});
}

TEST_CASE("directives: a first line that is only the escape char continues into the next") {
  check({"\\\nFROM busybox\n", '\\', {"FROM"}, {1}, {}});
  // The comment inside the continuation is dropped, so it is no directive either.
  check({"\\\n# escape=`\nFROM busybox\nRUN echo a `\nb\n", '\\', {"FROM", "RUN", "b"}, {1, 4, 5}, {}});
}
