// The formatter: what it changes, what it must leave alone, its refusals, its edits and options.

#include <doctest/doctest.h>

#include "edit/edit.h"
#include "formatter/format.h"
#include "syntax/buildkit_json.h"
#include "util/error.h"

using namespace msm;

namespace {

std::string fmt(const std::string &source, const formatter::Options &options = {}) {
  return formatter::format_source(source, "Dockerfile", options).text;
}

// The formatted text, after checking the promises every call keeps: the edits turn the source
// into the text, a second run changes nothing, and the value of every argument is unchanged.
std::string checked_fmt(const std::string &source, const formatter::Options &options = {}) {
  auto doc = syntax::Document::parse(source, "Dockerfile");
  formatter::Result r = formatter::format_document(*doc, options);
  CHECK(r.changed == (r.text != source));
  auto applied = edit::apply_edits(source, r.edits);
  REQUIRE(applied.has_value());
  CHECK(*applied == r.text);
  auto again = formatter::format_source(r.text, "Dockerfile", options);
  CHECK_MESSAGE(!again.changed, "not idempotent:\n" << r.text << "\nthen:\n" << again.text);
  auto after = syntax::Document::parse(r.text, "Dockerfile");
  REQUIRE(after->instructions().size() == doc->instructions().size());
  for (size_t i = 0; i < doc->instructions().size(); ++i) {
    const auto &a = doc->instructions()[i];
    const auto &b = after->instructions()[i];
    CHECK(a.start_line == b.start_line);
    CHECK(a.end_line == b.end_line);
    REQUIRE(a.args.size() == b.args.size());
    for (size_t k = 0; k < a.args.size(); ++k) {
      bool as_word = a.is(syntax::InstructionKind::From) && k == 1 && a.args.size() == 3;
      if (!as_word) CHECK(a.args[k].value == b.args[k].value);
    }
  }
  return r.text;
}

}  // namespace

TEST_CASE("fmt: keywords and AS upper-cased, blanks between words collapsed, trailing blanks removed") {
  CHECK(checked_fmt("from   golang:1.22   as   build  \nrun go build ./...\n") ==
        "FROM golang:1.22 AS build\nRUN go build ./...\n");
  CHECK(checked_fmt("  copy --from=build   /out /app\n") == "COPY --from=build /out /app\n");
  // HEALTHCHECK's `cmd` is the value of BuildKit's node: it keeps its case.
  CHECK(checked_fmt("healthcheck --interval=5s cmd true\n") == "HEALTHCHECK --interval=5s cmd true\n");
  // An unknown instruction is left as written (BuildKit keeps only its original text, spacing
  // included); the final line break is added.
  CHECK(checked_fmt("FROM a\nfetch   x") == "FROM a\nfetch   x\n");
  CHECK(checked_fmt("FROM a\nfetch a \\\n      b \\\n  c\n") == "FROM a\nfetch a \\\n      b \\\n  c\n");
}

TEST_CASE("fmt: keyword-case preserve keeps the spelling, and only the spacing changes") {
  formatter::Options options;
  options.keyword_case = formatter::KeywordCase::Preserve;
  CHECK(checked_fmt("from a   as b\nrun  x\n", options) == "from a as b\nrun x\n");
}

TEST_CASE("fmt: continuation lines are indented where BuildKit splits words, verbatim where it does not") {
  CHECK(checked_fmt("FROM a\nENV A=1 \\\n  B=2 \\\n\t\tC=3\n") == "FROM a\nENV A=1 \\\n    B=2 \\\n    C=3\n");
  CHECK(checked_fmt("FROM a\nCOPY a\\\n  b /c/\n") == "FROM a\nCOPY a \\\n    b /c/\n");
  // RUN's text is passed to the shell as joined, indentation included: it stays as written.
  std::string run = "FROM a\nRUN echo \"a \\\n  b\"\n";
  CHECK(checked_fmt(run) == run);
  // Where the blanks before the escape and the indentation add up to the same run of spaces, the
  // value is the same, so the layout may change.
  CHECK(checked_fmt("FROM a\nRUN echo \"a   \\\n  b\"\n") == "FROM a\nRUN echo \"a \\\n    b\"\n");
  // Blanks after the escape character go; comment lines keep the indentation of their group.
  CHECK(checked_fmt("FROM a\nRUN x \\  \n   # note  \n  y\n") == "FROM a\nRUN x \\\n   # note\n  y\n");
  // Flags on the first line, the command on the next: the command's indentation is free.
  CHECK(checked_fmt("FROM a\nRUN --network=none \\\n  make\n") == "FROM a\nRUN --network=none \\\n    make\n");
  formatter::Options two;
  two.continuation_indent = 2;
  CHECK(checked_fmt("FROM a\nLABEL a=1 \\\n        b=2\n", two) == "FROM a\nLABEL a=1 \\\n  b=2\n");
}

TEST_CASE("fmt: exec form spacing, JSON escapes kept as written, invalid JSON left alone") {
  CHECK(checked_fmt("FROM a\nCMD [ \"app\" ,\"--port\",\"80\" ]\n") == "FROM a\nCMD [\"app\", \"--port\", \"80\"]\n");
  CHECK(checked_fmt("FROM a\nENTRYPOINT [\"caf\\u00e9\",\"x\"]\n") == "FROM a\nENTRYPOINT [\"caf\\u00e9\", \"x\"]\n");
  CHECK(checked_fmt("FROM a\nCMD [ ]\n") == "FROM a\nCMD []\n");
  // Not JSON (no comma): a shell string whose every byte matters.
  CHECK(checked_fmt("FROM a\nRUN [\"a\"   \"b\"]\n") == "FROM a\nRUN [\"a\"   \"b\"]\n");
}

TEST_CASE("fmt: heredoc bodies and terminators are never touched") {
  std::string in = "FROM a\nrun <<EOF  \necho hi   \n\tx\t\nEOF\ncopy <<-\"C\" /c\n\tk = v  \n\tC\n";
  CHECK(checked_fmt(in) == "FROM a\nRUN <<EOF\necho hi   \n\tx\t\nEOF\nCOPY <<-\"C\" /c\n\tk = v  \n\tC\n");
  // `EOF ` is body text, not a terminator: its blank must stay.
  std::string trailing = "FROM a\nRUN python3 <<PY\nprint(1)\nPY \nPY\n";
  CHECK(checked_fmt(trailing) == trailing);
}

TEST_CASE("fmt: the escape directive decides what continues a line") {
  std::string in = "# escape=`\nfrom a\nworkdir C:\\\ncopy x `\n  C:\\y\\\n";
  CHECK(checked_fmt(in) == "# escape=`\nFROM a\nWORKDIR C:\\\nCOPY x `\n    C:\\y\\\n");
}

TEST_CASE("fmt: ONBUILD triggers, comments and directives") {
  CHECK(checked_fmt("FROM a AS b\nonbuild   copy --from=b   . /x\n") == "FROM a AS b\nONBUILD COPY --from=b . /x\n");
  // A comment's indentation is part of what BuildKit records above the next instruction.
  std::string in = "# syntax=docker/dockerfile:1   \n   # kept indent  \n\t\nFROM a\n";
  CHECK(checked_fmt(in) == "# syntax=docker/dockerfile:1\n   # kept indent\n\nFROM a\n");
}

TEST_CASE("fmt: CRLF line endings stay CRLF") {
  CHECK(checked_fmt("from a  \r\ncopy  x y\r\n") == "FROM a\r\nCOPY x y\r\n");
}

TEST_CASE("fmt: blanks after a carriage return stay, or the escape before it would continue the line") {
  // BuildKit trims `\r` only at the very end: `x \\\r ` does not continue, `x \\\r` would.
  std::string in = "FROM a\nfetch x \\\r \nWORKDIR /w\n";
  CHECK(checked_fmt(in) == in);
}

TEST_CASE("fmt: edits are minimal and nothing changes on a formatted file") {
  auto r = formatter::format_source("FROM a\nrun make\n", "Dockerfile");
  REQUIRE(r.edits.size() == 1);
  CHECK(r.edits[0] == edit::TextEdit{7, 10, "RUN"});
  auto clean = formatter::format_source("FROM a\nRUN make\n", "Dockerfile");
  CHECK_FALSE(clean.changed);
  CHECK(clean.edits.empty());
}

TEST_CASE("fmt: refuses documents whose instruction boundaries are in doubt") {
  CHECK_THROWS_AS(fmt("FROM a\nRUN <<EOF\necho\n"), Error);  // unterminated heredoc
  CHECK_THROWS_AS(fmt("# escape=x\nFROM a\n"), Error);       // invalid directive
  CHECK_THROWS_AS(fmt(""), Error);                           // no instruction
  try {
    fmt("FROM a\nRUN <<EOF\necho\n");
  } catch (const Error &e) {
    CHECK(std::string(e.what()).find("Dockerfile:2:1: cannot format: unterminated heredoc") != std::string::npos);
    CHECK(e.exit_code() == k_exit_usage);
  }
  // BuildKit's argument errors stay as they are; the rest is formatted.
  CHECK(checked_fmt("from a\nENV DEBUG\n") == "FROM a\nENV DEBUG\n");
}

TEST_CASE("fmt: options from the configuration's format section") {
  auto o = formatter::options_from_config({{"keyword-case", "preserve"}, {"continuation-indent", "2"}}, ".msmigrate.yaml");
  CHECK(o.keyword_case == formatter::KeywordCase::Preserve);
  CHECK(o.continuation_indent == 2);
  CHECK(formatter::options_from_config(nullptr, "x").continuation_indent == 4);
  CHECK_THROWS_AS(formatter::options_from_config({{"keyword-case", "lower"}}, "x"), Error);
  CHECK_THROWS_AS(formatter::options_from_config({{"continuation-indent", "99"}}, "x"), Error);
  CHECK_THROWS_AS(formatter::options_from_config({{"indent", "2"}}, "x"), Error);
}
