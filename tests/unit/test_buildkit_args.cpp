// BuildKit's per-line parsing (notes/dockerfile-syntax.md §5-§8, §12). Expected values are
// BuildKit's own answers as recorded in the notes, or follow from its Go code paths.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/buildkit_args.h"

namespace bk = msm::syntax::buildkit;

namespace {

using Strings = std::vector<std::string>;

// Byte sequences spelled out once: a hex escape in a literal would swallow following letters.
const std::string kNbsp = "\xC2\xA0";       // U+00A0
const std::string kEmSpace = "\xE2\x80\x83";  // U+2003
const std::string kKelvin = "\xE2\x84\xAA";   // U+212A, lower-cases to ASCII 'k'
const std::string kReplacement = "\xEF\xBF\xBD";

Strings values(const std::vector<bk::Piece>& pieces) {
  Strings out;
  for (const bk::Piece& p : pieces) out.push_back(p.value);
  return out;
}

bk::LogicalInstruction parse(std::string_view line, char escape = '\\') { return bk::parse_logical_line(line, escape); }

Strings next_of(std::string_view line, char escape = '\\') { return values(parse(line, escape).next); }

std::string dump(std::string_view line, char escape = '\\') { return bk::dump_line(parse(line, escape)); }

std::string slice(std::string_view line, const bk::Piece& p) {
  return std::string(line.substr(p.begin, p.end - p.begin));
}

std::string error_of(std::string_view line) {
  const bk::LogicalInstruction ins = parse(line);
  return ins.error.value_or("");
}

Strings marker_names(std::string_view line, char escape = '\\') {
  Strings out;
  for (const bk::HeredocMarker& m : parse(line, escape).heredocs) out.push_back(m.name);
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// §5 keyword and flags

TEST_CASE("buildkit: flags table (§5)") {
  {
    const auto ins = parse("COPY --chown=app:app --from=build -- --odd /x");
    CHECK(values(ins.flags) == Strings{"--chown=app:app", "--from=build"});
    CHECK(values(ins.next) == Strings{"--odd", "/x"});
  }
  {
    const auto ins = parse("COPY src --from=build /y");
    CHECK(ins.flags.empty());
    CHECK(values(ins.next) == Strings{"src", "--from=build", "/y"});
  }
  {
    const auto ins = parse("COPY --chown=\"app user\" --chmod=0755 a b");
    CHECK(values(ins.flags) == Strings{"--chown=app user", "--chmod=0755"});
    CHECK(values(ins.next) == Strings{"a", "b"});
  }
  {
    const auto ins = parse("run --network=none --mount=type=cache,target=/root/.cache make");
    CHECK(ins.keyword.value == "run");
    CHECK(values(ins.flags) == Strings{"--network=none", "--mount=type=cache,target=/root/.cache"});
    CHECK(values(ins.next) == Strings{"make"});
  }
}

TEST_CASE("buildkit: flags are scanned byte-wise (§5.3)") {
  // é is C3 A9: each byte becomes the rune of that value.
  CHECK(values(parse("COPY --chown=\xC3\xA9 a b").flags) == Strings{"--chown=\xC3\x83\xC2\xA9"});
  // à is C3 A0: 0xA0 counts as a blank, so the flag ends inside the character.
  const auto ins = parse("COPY --chown=\xC3\xA0 a b");
  CHECK(values(ins.flags) == Strings{"--chown=\xC3\x83"});
  CHECK(values(ins.next) == Strings{"a", "b"});
}

TEST_CASE("buildkit: flag details") {
  SUBCASE("ranges cover the raw word") {
    const std::string line = "COPY --chown=\"app user\" a b";
    const auto ins = parse(line);
    REQUIRE(ins.flags.size() == 1);
    CHECK(slice(line, ins.flags[0]) == "--chown=\"app user\"");
    CHECK(slice(line, ins.keyword) == "COPY");
    CHECK(slice(line, ins.next[1]) == "b");
  }
  SUBCASE("a bare -- at the end is dropped") {
    const auto ins = parse("COPY --a --");
    CHECK(values(ins.flags) == Strings{"--a"});
    CHECK(ins.next.empty());
  }
  SUBCASE("single quotes and backslash escapes") {
    CHECK(values(parse("RUN --x='a b' --y=a\\ b --z=\"q\\\"q\" cmd").flags) ==
          Strings{"--x=a b", "--y=a b", "--z=q\"q"});
  }
  SUBCASE("the flag scanner's escape is always backslash") {
    const auto ins = parse("COPY --chown=a\\ b --x=c`d e f", '`');
    CHECK(values(ins.flags) == Strings{"--chown=a b", "--x=c`d"});
    CHECK(values(ins.next) == Strings{"e", "f"});
  }
  SUBCASE("flags on any keyword, also unknown ones") {
    const auto ins = parse("STOPSIGNAL --whatever=1 SIGTERM");
    CHECK(values(ins.flags) == Strings{"--whatever=1"});
    CHECK(values(ins.next) == Strings{"SIGTERM"});
    CHECK(dump("BOGUS --x y") == "(bogus [\"--x\"] \"\")");
  }
  SUBCASE("split_flags reports where the rest starts") {
    uint32_t rest = 0;
    const auto flags = bk::split_flags("--a=1 -- b", '\\', rest);
    CHECK(values(flags) == Strings{"--a=1"});
    CHECK(rest == 8);  // the blank after `--`, as BuildKit returns line[pos:]
    const auto all = bk::split_flags("--a --b", '\\', rest);
    CHECK(values(all) == Strings{"--a", "--b"});
    CHECK(rest == 7);
    CHECK(bk::split_flags("x --a", '\\', rest).empty());
    CHECK(rest == 0);
  }
}

TEST_CASE("buildkit: keyword split (§1, §5.1)") {
  SUBCASE("only ASCII blanks separate the keyword") {
    const auto ins = parse("RUN" + kNbsp + "echo hi");
    CHECK(ins.keyword.value == "RUN" + kNbsp + "echo");
    CHECK(values(ins.next) == Strings{""});
    CHECK(dump("RUN" + kNbsp + "echo hi") == "(run" + kNbsp + "echo \"\")");
  }
  SUBCASE("tab, vertical tab, form feed and CR separate") {
    CHECK(next_of("FROM\ta\vb\fc\rd") == Strings{"a", "b", "c", "d"});
  }
  SUBCASE("the keyword keeps its case, the Dump lower-cases it") {
    const auto ins = parse("from Alpine AS Build");
    CHECK(ins.keyword.value == "from");
    CHECK(bk::dump_line(ins) == "(from \"Alpine\" \"AS\" \"Build\")");
  }
  SUBCASE("dispatch uses Go's Unicode lower-casing (KELVIN SIGN is k)") {
    const std::string line = "WOR" + kKelvin + "DIR /app";
    CHECK(next_of(line) == Strings{"/app"});
    CHECK(dump(line) == "(workdir \"/app\")");
  }
}

// ---------------------------------------------------------------------------------------------
// §6 arguments per instruction

TEST_CASE("buildkit: argument table (§6)") {
  CHECK(next_of("FROM ${BASE} as Build") == Strings{"${BASE}", "as", "Build"});
  CHECK(next_of("COPY \"my file\" /dst/") == Strings{"\"my", "file\"", "/dst/"});
  {
    const auto ins = parse("COPY [\"my file\", \"/dst/\"]");
    CHECK(values(ins.next) == Strings{"my file", "/dst/"});
    CHECK(ins.json);
  }
  CHECK(next_of("ENV A=1 B=\"x y\" C=z\\ w") == Strings{"A", "1", "=", "B", "\"x y\"", "=", "C", "z\\ w", "="});
  CHECK(next_of("ENV PATH /opt/bin:$PATH") == Strings{"PATH", "/opt/bin:$PATH", ""});
  CHECK(next_of("ENV X y  z") == Strings{"X", "y  z", ""});
  CHECK(next_of("LABEL \"org.example.title\"=\"demo app\" version=1") ==
        Strings{"\"org.example.title\"", "\"demo app\"", "=", "version", "1", "="});
  CHECK(next_of("ARG X=\"1 2\" Y") == Strings{"X=\"1 2\"", "Y"});
  CHECK(next_of("USER  app:app  # uid") == Strings{"app:app  # uid"});
  {
    const auto ins = parse("HEALTHCHECK --timeout=3s CMD wget -q -O- localhost || exit 1");
    CHECK(values(ins.flags) == Strings{"--timeout=3s"});
    CHECK(values(ins.next) == Strings{"CMD", "wget -q -O- localhost || exit 1"});
    CHECK_FALSE(ins.json);
  }
  {
    const auto ins = parse("HEALTHCHECK --interval=5s CMD [\"curl\", \"-f\", \"localhost\"]");
    CHECK(values(ins.next) == Strings{"CMD", "curl", "-f", "localhost"});
    CHECK(ins.json);
  }
  {
    const auto ins = parse("onbuild run make");
    CHECK(ins.next.empty());
    REQUIRE(ins.nested);
    CHECK(ins.nested->keyword.value == "run");
    CHECK(values(ins.nested->next) == Strings{"make"});
  }
  CHECK(next_of("FETCH something here") == Strings{""});
  CHECK(error_of("ENV DEBUG") == "ENV must have two arguments");
}

TEST_CASE("buildkit: ENV and LABEL") {
  SUBCASE("ranges of key, value and separator") {
    const std::string line = "ENV A=1 B=\"x y\"";
    const auto ins = parse(line);
    REQUIRE(ins.next.size() == 6);
    CHECK(slice(line, ins.next[0]) == "A");
    CHECK(slice(line, ins.next[1]) == "1");
    CHECK(slice(line, ins.next[2]) == "=");
    CHECK(slice(line, ins.next[4]) == "\"x y\"");
  }
  SUBCASE("legacy form keeps the raw remainder") {
    CHECK(next_of("ENV X \"a  b\"  c") == Strings{"X", "\"a  b\"  c", ""});
    const std::string line = "ENV PATH /a";
    const auto ins = parse(line);
    REQUIRE(ins.next.size() == 3);
    CHECK(ins.next[2].begin == line.size());
    CHECK(ins.next[2].end == line.size());
  }
  SUBCASE("a comment is not special") {
    CHECK(error_of("ENV A=1 # note") ==
          "Syntax error - can't find = in \"#\". Must be of the form: name=value");
    CHECK(error_of("ENV A=1 b") == "Syntax error - can't find = in \"b\". Must be of the form: name=value");
    CHECK(parse("ENV A=1 # note").next.empty());
  }
  SUBCASE("the error names ENV or LABEL in capitals whatever the spelling") {
    CHECK(error_of("label x") == "LABEL must have two arguments");
    CHECK(error_of("Env x") == "ENV must have two arguments");
  }
  SUBCASE("the first = splits; quotes and escapes stay in the word") {
    CHECK(next_of("ENV A=b=c D=\"x\\\"y z\" E='a\\ b'") ==
          Strings{"A", "b=c", "=", "D", "\"x\\\"y z\"", "=", "E", "'a\\ b'", "="});
    CHECK(next_of("ENV A= B=\"\"") == Strings{"A", "", "=", "B", "\"\"", "="});
  }
  SUBCASE("the escape directive is used outside and inside double quotes") {
    CHECK(next_of("ENV A=a` b C=\"x`\"y\"", '`') == Strings{"A", "a` b", "=", "C", "\"x`\"y\"", "="});
    // Under a backtick escape, a backslash is an ordinary character.
    CHECK(parse("ENV A=a\\ b", '`').error ==
          "Syntax error - can't find = in \"b\". Must be of the form: name=value");
  }
  SUBCASE("Unicode whitespace splits words outside quotes") {
    CHECK(next_of("ENV A=1" + kEmSpace + "B=2") == Strings{"A", "1", "=", "B", "2", "="});
    CHECK(next_of("ENV A=\"1" + kNbsp + "2\"") == Strings{"A", "\"1" + kNbsp + "2\"", "="});
  }
  SUBCASE("legacy split is ASCII-only while the word test is Unicode-aware") {
    // The first word `A` has no `=`, but the raw text has no ASCII blank to split on.
    CHECK(error_of("ENV A" + kNbsp + "B") == "ENV must have two arguments");
    CHECK(next_of("ENV A" + kNbsp + "B C") == Strings{"A" + kNbsp + "B", "C", ""});
  }
  SUBCASE("invalid UTF-8 in quote-aware words becomes U+FFFD") {
    CHECK(next_of("ENV A=\xFF") == Strings{"A", kReplacement, "="});
    CHECK(next_of("ENV A \xFF") == Strings{"A", "\xFF", ""});  // legacy form keeps the raw bytes
  }
}

TEST_CASE("buildkit: ARG") {
  CHECK(next_of("ARG A" + kNbsp + "B") == Strings{"A", "B"});
  CHECK(next_of("ARG A='x y' B=\"\"") == Strings{"A='x y'", "B=\"\""});
  CHECK(next_of("ARG \"unclosed word") == Strings{"\"unclosed word"});
  CHECK(next_of("ARG") == Strings{});
}

TEST_CASE("buildkit: whitespace-delimited and single-string instructions") {
  CHECK(next_of("FROM a" + kNbsp + "b") == Strings{"a" + kNbsp + "b"});
  CHECK(next_of("FROM a # x") == Strings{"a", "#", "x"});
  CHECK(next_of("EXPOSE 80 443/tcp") == Strings{"80", "443/tcp"});
  CHECK(next_of("VOLUME /a  /b") == Strings{"/a", "/b"});
  CHECK(next_of("STOPSIGNAL SIGTERM") == Strings{"SIGTERM"});
  CHECK(next_of("MAINTAINER Jane Doe <jane@example.com>") == Strings{"Jane Doe <jane@example.com>"});
  CHECK(next_of("WORKDIR  /a b  ") == Strings{"/a b"});
}

TEST_CASE("buildkit: trailing blanks are trimmed off the arguments, Unicode ones included") {
  CHECK(next_of("RUN echo hi  \t") == Strings{"echo hi"});
  CHECK(next_of("RUN echo hi" + kNbsp) == Strings{"echo hi"});
  CHECK(next_of("COPY --a=b" + kNbsp) == Strings{});
  CHECK(values(parse("COPY --a=b" + kNbsp).flags) == Strings{"--a=b"});
  CHECK(next_of("RUN a \\\\") == Strings{"a \\\\"});
}

TEST_CASE("buildkit: empty and keyword-only lines") {
  {
    const auto ins = parse("");
    CHECK(ins.keyword.value == "");
    CHECK(values(ins.next) == Strings{""});
  }
  CHECK(dump("RUN") == "(run)");
  CHECK(dump("ENV") == "(env)");
  CHECK(dump("CMD") == "(cmd)");
  CHECK(dump("ONBUILD") == "(onbuild)");
  CHECK(dump("HEALTHCHECK") == "(healthcheck)");
  CHECK(dump("FOO") == "(foo \"\")");
  CHECK(dump("RUN --mount=x") == "(run [\"--mount=x\"])");
  CHECK(dump("COPY --from=x   ") == "(copy [\"--from=x\"])");
}

TEST_CASE("buildkit: HEALTHCHECK") {
  CHECK(next_of("HEALTHCHECK NONE") == Strings{"NONE"});
  CHECK(next_of("HEALTHCHECK none") == Strings{"none"});
  CHECK(next_of("HEALTHCHECK CMD-SHELL  true") == Strings{"CMD-SHELL", "true"});
  CHECK(error_of("HEALTHCHECK CMD [\"a\", 1]") ==
        "when using JSON array syntax, arrays must be comprised of strings only");
  // The type word ends at a byte-wise blank: 0xA0 inside à.
  CHECK(next_of("HEALTHCHECK CMD\xC3\xA0x") == Strings{"CMD\xC3", "x"});
}

TEST_CASE("buildkit: ONBUILD") {
  SUBCASE("nested twice") {
    const auto ins = parse("ONBUILD ONBUILD RUN x");
    REQUIRE(ins.nested);
    REQUIRE(ins.nested->nested);
    CHECK(values(ins.nested->nested->next) == Strings{"x"});
    CHECK(bk::dump_line(ins) == "(onbuild (onbuild (run \"x\")))");
  }
  SUBCASE("its own flags, and offsets into the outer line") {
    const std::string line = "ONBUILD --x COPY --from=b . /";
    const auto ins = parse(line);
    CHECK(values(ins.flags) == Strings{"--x"});
    REQUIRE(ins.nested);
    CHECK(slice(line, ins.nested->keyword) == "COPY");
    CHECK(slice(line, ins.nested->flags[0]) == "--from=b");
    CHECK(slice(line, ins.nested->next[1]) == "/");
    CHECK(bk::dump_line(ins) == "(onbuild [\"--x\"] (copy [\"--from=b\"] \".\" \"/\"))");
  }
  SUBCASE("errors of the trigger are the line's errors") {
    CHECK(error_of("ONBUILD ENV A") == "ENV must have two arguments");
  }
  SUBCASE("triggers are not checked here") {
    CHECK(dump("ONBUILD FROM x") == "(onbuild (from \"x\"))");
    CHECK(dump("ONBUILD BOGUS") == "(onbuild (bogus \"\"))");
  }
  SUBCASE("JSON trigger") {
    const auto ins = parse("ONBUILD CMD [\"a\"]");
    CHECK_FALSE(ins.json);
    REQUIRE(ins.nested);
    CHECK(ins.nested->json);
  }
}

// ---------------------------------------------------------------------------------------------
// §7 exec form

TEST_CASE("buildkit: exec form table (§7)") {
  {
    const auto ins = parse("CMD [\"app\", \"--port\", \"80\"]");
    CHECK(ins.json);
    CHECK(values(ins.next) == Strings{"app", "--port", "80"});
  }
  {
    const auto ins = parse("CMD [\"app\" \"--port\"]");
    CHECK_FALSE(ins.json);
    CHECK(values(ins.next) == Strings{"[\"app\" \"--port\"]"});
  }
  {
    const auto ins = parse("CMD [ \"app\" ]   ");
    CHECK(ins.json);
    CHECK(values(ins.next) == Strings{"app"});
  }
  {
    const auto ins = parse("RUN [ -f /x ] && echo yes");
    CHECK_FALSE(ins.json);
    CHECK(values(ins.next) == Strings{"[ -f /x ] && echo yes"});
  }
  {
    const auto ins = parse("ENTRYPOINT []");
    CHECK(ins.json);
    CHECK(ins.next.empty());
    CHECK(bk::dump_line(ins) == "(entrypoint)");
  }
  CHECK(next_of("CMD [\"caf\\u00e9\", \"tab\\there\"]") == Strings{"caf\xC3\xA9", "tab\there"});
  CHECK(error_of("ENTRYPOINT [\"app\", 8080]") ==
        "when using JSON array syntax, arrays must be comprised of strings only");
  {
    const auto ins = parse("RUN [\"sh\", \"-c\", \"cat\"] <<EOF");
    CHECK_FALSE(ins.json);
    CHECK(marker_names("RUN [\"sh\", \"-c\", \"cat\"] <<EOF") == Strings{"EOF"});
  }
}

TEST_CASE("buildkit: invalid JSON falls back silently") {
  for (const char* text : {"['a']", "[\"a\" \"b\"]", "[\"a\",]", "[\"a\"] x", "[\"c:\\windows\"]", "[", "[\"a\"",
                           "[01]", "[-]", "[1.]", "[1e]", "[tru]", "[{1:2}]", "[\"a\tb\"]",
                           "[\xC2\xA0\"a\"]", "[\"a\"]]", "[,]", "[\"a\"\v]"}) {
    CAPTURE(text);
    const auto j = bk::parse_json_string_array(text);
    CHECK_FALSE(j.is_json);
    CHECK_FALSE(j.non_string_element);
    const auto ins = parse(std::string("CMD ") + text);
    CHECK_FALSE(ins.error);
    CHECK_FALSE(ins.json);
  }
  CHECK(next_of("COPY [\"a\" \"b\"]") == Strings{"[\"a\"", "\"b\"]"});
  CHECK(next_of("VOLUME [/data]") == Strings{"[/data]"});
}

TEST_CASE("buildkit: valid JSON with a non-string element is an error") {
  for (const char* text : {"[null]", "[true]", "[false]", "[1]", "[-0.5e+3]", "[{}]", "[{\"a\": [1]}]", "[[]]",
                           "[\"a\", [\"b\"]]"}) {
    CAPTURE(text);
    CHECK(bk::parse_json_string_array(text).non_string_element);
    CHECK(error_of(std::string("RUN ") + text) ==
          "when using JSON array syntax, arrays must be comprised of strings only");
  }
  CHECK(error_of("COPY [1, \"b\"]") == "when using JSON array syntax, arrays must be comprised of strings only");
  CHECK(error_of("SHELL [1]") == "when using JSON array syntax, arrays must be comprised of strings only");
}

TEST_CASE("buildkit: a number float64 cannot hold makes Unmarshal fail, so it is shell form") {
  CHECK(next_of("CMD [\"a\", 1e999]") == Strings{"[\"a\", 1e999]"});
  CHECK(error_of("CMD [\"a\", 1e999]") == "");
  CHECK(error_of("CMD [\"a\", 1e308]") != "");
  CHECK(error_of("CMD [\"a\", 1e-999]") != "");  // underflow is not an error in Go
}

TEST_CASE("buildkit: JSON string decoding") {
  CHECK(next_of("CMD [\"\\ud83d\\ude00\"]") == Strings{"\xF0\x9F\x98\x80"});
  CHECK(next_of("CMD [\"\\ud83d\"]") == Strings{kReplacement});
  CHECK(next_of("CMD [\"\\ud83dx\"]") == Strings{kReplacement + "x"});
  CHECK(next_of("CMD [\"\\ud83d\\ud83d\\ude00\"]") == Strings{kReplacement + "\xF0\x9F\x98\x80"});
  CHECK(next_of("CMD [\"\\ude00\"]") == Strings{kReplacement});
  CHECK(next_of("CMD [\"a\xFF" "b\"]") == Strings{"a" + kReplacement + "b"});
  CHECK(next_of("CMD [\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\"]") == Strings{std::string("\"\\/\b\f\n\r\t\0", 9)});
  CHECK(next_of("CMD [\"$HOME\", \"\\u003c\"]") == Strings{"$HOME", "<"});
  // JSON escapes whatever the escape directive says.
  CHECK(next_of("CMD [\"a\\\\b\"]", '`') == Strings{"a\\b"});
}

TEST_CASE("buildkit: parse_json_string_array details") {
  SUBCASE("item ranges are the string tokens") {
    const std::string text = "[\"a\", \"b\\n\"]";
    const auto j = bk::parse_json_string_array(text);
    REQUIRE(j.is_json);
    REQUIRE(j.items.size() == 2);
    CHECK(slice(text, j.items[0]) == "\"a\"");
    CHECK(slice(text, j.items[1]) == "\"b\\n\"");
  }
  SUBCASE("leading Unicode whitespace is skipped, JSON whitespace is allowed inside") {
    CHECK(bk::parse_json_string_array(kNbsp + " [\"a\"]").is_json);
    CHECK(bk::parse_json_string_array("[\n\t\"a\"\r\n]\n").is_json);
    CHECK_FALSE(bk::parse_json_string_array("x").is_json);
    CHECK_FALSE(bk::parse_json_string_array("").is_json);
  }
  SUBCASE("Go accepts 10000 nested containers and rejects one more") {
    const auto nested = [](int depth) {
      return std::string(static_cast<size_t>(depth), '[') + std::string(static_cast<size_t>(depth), ']');
    };
    CHECK(bk::parse_json_string_array(nested(10000)).non_string_element);
    const auto too_deep = bk::parse_json_string_array(nested(10001));
    CHECK_FALSE(too_deep.is_json);
    CHECK_FALSE(too_deep.non_string_element);
  }
}

// ---------------------------------------------------------------------------------------------
// §8 heredoc markers

TEST_CASE("buildkit: heredoc example block (§8)") {
  {
    const std::string line = "COPY <<a.txt <<'b.txt' /out/";
    const auto ins = parse(line);
    CHECK(values(ins.next) == Strings{"<<a.txt", "<<'b.txt'", "/out/"});
    REQUIRE(ins.heredocs.size() == 2);
    CHECK(ins.heredocs[0].name == "a.txt");
    CHECK(ins.heredocs[0].fd == 0);
    CHECK(ins.heredocs[0].expand);
    CHECK_FALSE(ins.heredocs[0].chomp);
    CHECK(ins.heredocs[1].name == "b.txt");
    CHECK_FALSE(ins.heredocs[1].expand);
    CHECK(line.substr(ins.heredocs[1].begin, ins.heredocs[1].end - ins.heredocs[1].begin) == "<<'b.txt'");
  }
  {
    const auto ins = parse("RUN <<-EOT sh -e");
    CHECK(values(ins.next) == Strings{"<<-EOT sh -e"});
    REQUIRE(ins.heredocs.size() == 1);
    CHECK(ins.heredocs[0].name == "EOT");
    CHECK(ins.heredocs[0].chomp);
    CHECK(ins.heredocs[0].expand);
  }
  {
    const auto ins = parse("RUN python3 4<<\"PY\" /dev/fd/4");
    REQUIRE(ins.heredocs.size() == 1);
    CHECK(ins.heredocs[0].name == "PY");
    CHECK(ins.heredocs[0].fd == 4);
    CHECK_FALSE(ins.heredocs[0].expand);
  }
}

TEST_CASE("buildkit: heredoc names and expansion (§8)") {
  const auto one = [](std::string_view line) {
    const auto ins = parse(line);
    REQUIRE(ins.heredocs.size() == 1);
    return ins.heredocs[0];
  };
  CHECK(one("RUN <<E\"O\"F cat").name == "EOF");
  CHECK_FALSE(one("RUN <<E\"O\"F cat").expand);
  CHECK(one("COPY <<'one two' /x").name == "one two");
  CHECK_FALSE(one("COPY <<'one two' /x").expand);
  CHECK(one("RUN <<$EOF cat").name == "$EOF");
  CHECK(one("RUN <<$EOF cat").expand);
  CHECK(one("RUN <<${EOF} cat").name == "${EOF}");
  CHECK(one("RUN <<E\\OF cat").name == "EOF");
  CHECK(one("RUN <<E\\OF cat").expand);  // a backslash alone does not turn expansion off
  CHECK(one("RUN <<eo\\'f cat").name == "eo'f");
  CHECK(one("RUN <<eo\\'f cat").expand);
  CHECK(one("RUN <<'e'o\\'f cat").name == "eo'f");
  CHECK_FALSE(one("RUN <<'e'o\\'f cat").expand);
  CHECK(one("RUN <<  EOF cat").name == "EOF");
  CHECK(one("RUN << -EOF cat").name == "-EOF");
  CHECK_FALSE(one("RUN << -EOF cat").chomp);
  CHECK(one("RUN 3<<EOF cat").fd == 3);
  CHECK(one("RUN 99999999999999999999999<<EOF cat").fd == UINT64_MAX);
  CHECK(one("ADD <<EOF /x").name == "EOF");
}

TEST_CASE("buildkit: heredoc marker must start a shell word (§8)") {
  for (const char* line : {"RUN cat<<EOF", "RUN echo >out<<EOF", "RUN echo \"<<EOF\"", "RUN echo '<<EOF'",
                           "RUN cat <<<EOF", "RUN echo $((1<<2))", "RUN cat <<", "RUN cat <<- EOF"}) {
    CAPTURE(line);
    const auto ins = parse(line);
    CHECK(ins.heredocs.empty());
    CHECK_FALSE(ins.error);
  }
}

TEST_CASE("buildkit: heredoc lexing quirks") {
  SUBCASE("the escape is always backslash") {
    CHECK(marker_names("RUN <<EO`F cat", '`') == Strings{"EO`F"});
    CHECK(marker_names("RUN <<E\\OF cat", '`') == Strings{"EOF"});
  }
  SUBCASE("an unclosed quote anywhere drops every marker, without an error") {
    CHECK(marker_names("RUN <<\"EOF cat") == Strings{});
    CHECK(marker_names("RUN <<EOF echo \"oops") == Strings{});
    CHECK_FALSE(parse("RUN <<EOF echo \"oops").error);
    CHECK(marker_names("RUN <<EOF echo ${") == Strings{});
  }
  SUBCASE("flags are part of the lexed line") {
    CHECK(marker_names("RUN --mount=type=cache,target=/x <<EOF") == Strings{"EOF"});
  }
  SUBCASE("several markers") {
    const auto ins = parse("RUN cat /proc/self/fd/5 /proc/self/fd/6 5<<FILE1 6<<FILE2 > test6.txt");
    REQUIRE(ins.heredocs.size() == 2);
    CHECK(ins.heredocs[0].name == "FILE1");
    CHECK(ins.heredocs[0].fd == 5);
    CHECK(ins.heredocs[1].name == "FILE2");
    CHECK(ins.heredocs[1].fd == 6);
  }
  SUBCASE("a ${name:-...} clears the word being built (BuildKit's shared word buffer)") {
    CHECK(marker_names("COPY <<EOF${X:-a} /d") == Strings{});
  }
  SUBCASE("find_heredoc_markers looks at any line") {
    const auto markers = bk::find_heredoc_markers("ENV A <<EOF");
    REQUIRE(markers.size() == 1);
    CHECK(markers[0].name == "EOF");
    CHECK(markers[0].begin == 6);
    CHECK(markers[0].end == 11);
  }
}

TEST_CASE("buildkit: which instructions carry heredocs (§8)") {
  CHECK(marker_names("ENV X <<EOF") == Strings{});
  CHECK(marker_names("WORKDIR <<EOF") == Strings{});
  CHECK(marker_names("CMD cat <<EOF") == Strings{});
  CHECK(marker_names("RUN [\"<<EOF\"]") == Strings{});
  CHECK(marker_names("COPY [\"<<EOF\", \"/x\"]") == Strings{});
  CHECK(marker_names("ONBUILD RUN cat <<EOF") == Strings{"EOF"});
  CHECK(marker_names("ONBUILD COPY <<EOF /x") == Strings{"EOF"});
  CHECK(marker_names("ONBUILD ONBUILD RUN cat <<EOF") == Strings{});
  CHECK(marker_names("onbuild run cat <<EOF") == Strings{"EOF"});
  const auto ins = parse("ONBUILD RUN cat <<EOF");
  REQUIRE(ins.nested);
  CHECK(ins.nested->heredocs.empty());
}

// ---------------------------------------------------------------------------------------------
// §12 Dump and Go quoting

TEST_CASE("buildkit: dump lines (§12)") {
  CHECK(dump("FROM --platform=x a AS b") == "(from [\"--platform=x\"] \"a\" \"AS\" \"b\")");
  CHECK(dump("CMD") == "(cmd)");
  CHECK(dump("FOO bar") == "(foo \"\")");
  CHECK(dump("ONBUILD --x COPY --from=b . /") == "(onbuild [\"--x\"] (copy [\"--from=b\"] \".\" \"/\"))");
  CHECK(dump("ONBUILD COPY --chown=root:odoo $LOCAL_CUSTOM_DIR /opt/odoo/custom") ==
        "(onbuild (copy [\"--chown=root:odoo\"] \"$LOCAL_CUSTOM_DIR\" \"/opt/odoo/custom\"))");
  CHECK(dump("ENV CADDY_VERSION 0.11.5") == "(env \"CADDY_VERSION\" \"0.11.5\" \"\")");
  CHECK(dump("RUN echo \"a\\tb\"") == "(run \"echo \\\"a\\\\tb\\\"\")");
  CHECK(dump("CMD [\"tab\\there\"]") == "(cmd \"tab\\there\")");
  CHECK(dump("COPY --chown=\"a\\\"b\" x y") == "(copy [\"--chown=a\\\"b\"] \"x\" \"y\")");
}

TEST_CASE("buildkit: go_quote is strconv.Quote") {
  CHECK(bk::go_quote("") == "\"\"");
  CHECK(bk::go_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(bk::go_quote("\a\b\f\n\r\t\v") == "\"\\a\\b\\f\\n\\r\\t\\v\"");
  CHECK(bk::go_quote(std::string("\x1b\x7f\0", 3)) == "\"\\x1b\\x7f\\x00\"");
  CHECK(bk::go_quote("caf\xC3\xA9 \xF0\x9F\x98\x80") == "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
  CHECK(bk::go_quote(kNbsp) == "\"\\u00a0\"");
  CHECK(bk::go_quote("\xC2\xAD") == "\"\\u00ad\"");      // soft hyphen (Cf)
  CHECK(bk::go_quote("\xE2\x80\x8B") == "\"\\u200b\"");  // zero width space (Cf)
  CHECK(bk::go_quote("\xE2\x80\xA8") == "\"\\u2028\"");  // line separator
  CHECK(bk::go_quote("\xCD\xB8") == "\"\\u0378\"");      // unassigned
  CHECK(bk::go_quote("\xF3\xA0\x80\x81") == "\"\\U000e0001\"");
  CHECK(bk::go_quote("a\xFF" "b\xC3") == "\"a\\xffb\\xc3\"");
  CHECK(bk::go_quote("\xED\xA0\x80") == "\"\\xed\\xa0\\x80\"");  // an encoded surrogate is invalid UTF-8
  CHECK(bk::go_quote(kReplacement) == "\"" + kReplacement + "\"");
  CHECK(bk::go_quote("\xE3\x80\x80") == "\"\\u3000\"");  // ideographic space
}

TEST_CASE("buildkit: go_to_lower is strings.ToLower") {
  CHECK(bk::go_to_lower("RUN") == "run");
  CHECK(bk::go_to_lower("\xC3\x89T\xC3\x89") == "\xC3\xA9t\xC3\xA9");
  CHECK(bk::go_to_lower("\xC4\xB0") == "i");  // U+0130: simple mapping, not "i" + U+0307
  CHECK(bk::go_to_lower(kKelvin) == "k");
  CHECK(bk::go_to_lower("\xCE\xA3") == "\xCF\x83");
  CHECK(bk::go_to_lower("A\xFF") == "a" + kReplacement);
}
