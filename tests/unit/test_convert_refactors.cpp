// The refactors: stage naming (every index reference rewritten in one fix) and COPY reordering
// (moves only what nothing in between reads; says why otherwise).

#include <doctest/doctest.h>

#include <string>

#include "edit/edit.h"
#include "refactor/name_stages.h"
#include "refactor/reorder_copies.h"
#include "syntax/document.h"

using namespace msm;

namespace {

std::string apply_fix(const std::string &text, const edit::Fix &fix) {
  auto out = edit::apply_edits(text, fix.edits);
  REQUIRE(out.has_value());
  return *out;
}

std::string named(const std::string &text) {
  auto doc = syntax::Document::parse(text);
  return apply_fix(text, refactor::name_stages(*doc).fix);
}

std::string reordered(const std::string &text, std::string *reason = nullptr) {
  auto doc = syntax::Document::parse(text);
  auto r = refactor::reorder_copies(*doc);
  if (reason && !r.moves.empty()) *reason = r.moves[0].reason;
  return apply_fix(text, r.fix);
}

}  // namespace

TEST_CASE("name-stages: index references in COPY --from and --mount from= are all rewritten") {
  std::string in = "FROM golang:1.22\nRUN go build -o /app .\nFROM alpine\nCOPY --from=0 /app /app\n"
                   "RUN --mount=type=bind,from=0,source=/app,target=/x true\n";
  CHECK(named(in) == "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine\nCOPY --from=build /app /app\n"
                     "RUN --mount=type=bind,from=build,source=/app,target=/x true\n");
}

TEST_CASE("name-stages: names are unique, keep FROM's case, and named stages are untouched") {
  std::string in = "from node:20 AS build\nRUN npm ci\nfrom node:20\nRUN npm run build\nFROM nginx\nCOPY --from=1 /d /d\n";
  std::string out = named(in);
  CHECK(out == "from node:20 AS build\nRUN npm ci\nfrom node:20 as build-2\nRUN npm run build\nFROM nginx\nCOPY --from=build-2 /d /d\n");
  // Nothing referenced by index: no edit.
  auto doc = syntax::Document::parse("FROM a AS x\nFROM b\nCOPY --from=x /a /a\n");
  CHECK(refactor::name_stages(*doc).fix.edits.empty());
}

TEST_CASE("name-stages: the result parses and a second run changes nothing") {
  std::string in = "FROM debian\nRUN apt-get install -y curl\nFROM debian\nRUN pytest\nFROM scratch\nCOPY --from=0 / /\nCOPY --from=1 /r /r\n";
  std::string out = named(in);
  CHECK(out.find("AS deps") != std::string::npos);
  CHECK(out.find("AS test") != std::string::npos);
  CHECK(syntax::Document::parse(out)->problems().empty());
  CHECK(named(out) == out);
}

TEST_CASE("reorder-copies: a source COPY moves after a package install it does not feed") {
  std::string reason;
  std::string out = reordered("FROM debian\nCOPY app.py /srv/\nRUN apt-get update && apt-get install -y python3\nCMD [\"python3\", \"/srv/app.py\"]\n", &reason);
  CHECK(out == "FROM debian\nRUN apt-get update && apt-get install -y python3\nCOPY app.py /srv/\nCMD [\"python3\", \"/srv/app.py\"]\n");
  CHECK(reason.find("moved after line 3") != std::string::npos);
}

TEST_CASE("reorder-copies: a RUN that reads the copied file keeps the COPY, with the reason") {
  std::string in = "FROM debian\nCOPY requirements.txt .\nRUN apt-get update && pip install -r requirements.txt\n";
  std::string reason;
  CHECK(reordered(in, &reason) == in);
  CHECK(reason.find("stays") != std::string::npos);
  CHECK(reason.find("pip install -r requirements.txt") != std::string::npos);
  // A relative path anywhere in the RUN is enough to stay put.
  std::string rel = "FROM debian\nCOPY conf/ /etc/app/\nRUN apt-get install -y app && cp conf/x /etc/x\n";
  CHECK(reordered(rel) == rel);
  // WORKDIR between changes what a relative destination means.
  std::string wd = "FROM debian\nCOPY a .\nWORKDIR /x\nRUN apt-get install -y b\n";
  CHECK(reordered(wd) == wd);
}

TEST_CASE("reorder-copies: COPY . . before npm ci is split manifests-first; a build step is not") {
  CHECK(reordered("FROM node:20\nWORKDIR /a\nCOPY . .\nRUN npm ci\nRUN npm test\n") ==
        "FROM node:20\nWORKDIR /a\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm test\n");
  CHECK(reordered("FROM golang\nCOPY . .\nRUN go mod download\n") == "FROM golang\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n");
  std::string build = "FROM golang\nCOPY . .\nRUN go build ./...\n";
  CHECK(reordered(build) == build);
}
