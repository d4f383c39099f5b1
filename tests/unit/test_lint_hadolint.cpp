// hadolint's non-shell DL rules: catches and non-catches beyond the YAML examples, the
// configuration keys they read (trustedRegistries, label-schema, strict-labels, opt-in rules),
// DL codes as aliases of msmigrate's own rules, and the label value formats.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "analysis/image_ref.h"
#include "lint/checks/label_formats.h"
#include "lint/config.h"
#include "lint/engine.h"
#include "temp_dir.h"

using namespace msm::lint;
namespace fs = std::filesystem;

namespace {

using Dir = msm::test::TempDir;

std::vector<Diagnostic> lint(const std::string &text, const Config &config = {},
                             std::optional<fs::path> dir = std::nullopt) {
  auto doc = msm::syntax::Document::parse(text, "Dockerfile");
  return lint_document(*doc, config, dir);
}

size_t count(const std::string &text, const std::string &code, const Config &config = {}) {
  size_t n = 0;
  for (const auto &d : lint(text, config)) n += d.rule->code == code;
  return n;
}

const Diagnostic *find(const std::vector<Diagnostic> &ds, const std::string &code) {
  for (const auto &d : ds) {
    if (d.rule->code == code) return &d;
  }
  return nullptr;
}

Config config_from(const Dir &dir, const std::string &name, const std::string &yaml) {
  return load_config(dir.write(name, yaml));
}

}  // namespace

TEST_CASE("image references: registry, repository, tag and digest") {
  using msm::analysis::parse_image_ref;
  auto r = parse_image_ref("localhost:5000/team/app:1.2@sha256:abc");
  CHECK(r.registry == "localhost:5000");
  CHECK(r.repository == "team/app");
  CHECK(r.tag == "1.2");
  CHECK(r.digest == "sha256:abc");
  r = parse_image_ref("debian");
  CHECK(!r.registry);
  CHECK(r.registry_or_default() == "docker.io");
  CHECK(!r.tag);
  r = parse_image_ref("library/debian:12");
  CHECK(!r.registry);
  CHECK(r.repository == "library/debian");
  r = parse_image_ref("registry:5000/app");  // a port makes it a registry; no tag
  CHECK(r.registry == "registry:5000");
  CHECK(!r.tag);
}

TEST_CASE("DL3006/DL3007: ARG values are resolved, and stages, scratch, digests and unknown ARGs are excepted") {
  CHECK(count("FROM debian\n", "DL3006") == 1);
  CHECK(count("ARG BASE=debian\nFROM $BASE\n", "DL3006") == 1);
  CHECK(count("ARG BASE=debian:12\nFROM $BASE\n", "DL3006") == 0);
  CHECK(count("ARG BASE\nFROM $BASE\n", "DL3006") == 0);
  CHECK(count("FROM debian:12 AS base\nFROM base\n", "DL3006") == 0);
  CHECK(count("ARG B=base\nFROM debian:12 AS base\nFROM ${B}\n", "DL3006") == 0);
  CHECK(count("FROM scratch\n", "DL3006") == 0);
  CHECK(count("FROM debian@sha256:00\n", "DL3006") == 0);
  CHECK(count("FROM debian:latest\n", "DL3007") == 1);
  CHECK(count("ARG TAG=latest\nFROM debian:${TAG}\n", "DL3007") == 1);
  CHECK(count("ARG TAG=latest\nFROM debian:${TAG}@sha256:00\n", "DL3007") == 0);
  CHECK(count("ARG TAG=12\nFROM debian:${TAG:-latest}\n", "DL3007") == 0);
  CHECK(count("FROM debian:${TAG:-latest}\n", "DL3007") == 1);  // undeclared: the default applies
  auto ds = lint("ARG TAG=latest\nFROM node:${TAG}\n");
  const Diagnostic *d = find(ds, "DL3007");
  REQUIRE(d);
  CHECK(d->message.find("resolves to `node:latest`") != std::string::npos);
  CHECK(d->start.line == 2);
  CHECK(d->start.column == 6);
}

TEST_CASE("DL3026: trustedRegistries from .hadolint.yaml, wildcards, Docker Hub's names, stages") {
  Dir dir;
  Config none;
  CHECK(count("FROM ghcr.io/a/b:1\n", "DL3026", none) == 0);  // no list: nothing to enforce
  Config c = config_from(dir, ".hadolint.yaml", "trustedRegistries:\n  - docker.io\n  - \"*.corp.example\"\n");
  CHECK(count("FROM ghcr.io/a/b:1\n", "DL3026", c) == 1);
  CHECK(count("FROM alpine:3\n", "DL3026", c) == 0);
  CHECK(count("FROM registry.corp.example/a:1\n", "DL3026", c) == 0);
  CHECK(count("FROM corp.example/a:1\n", "DL3026", c) == 1);  // the glob needs a subdomain
  CHECK(count("FROM ghcr.io/a/b:1 AS b\nFROM b\n", "DL3026", c) == 1);
  CHECK(count("ARG R=ghcr.io\nFROM $R/a:1\n", "DL3026", c) == 1);
  Config hub = config_from(dir, ".msmigrate.yaml", "trusted-registries: [hub.docker.com]\n");
  CHECK(count("FROM docker.io/library/alpine:3\n", "DL3026", hub) == 0);
  CHECK(count("FROM quay.io/a:1\n", "DL3026", hub) == 1);
}

TEST_CASE("label-schema rules: required, strict, empty and typed labels, ARG-expanded values") {
  Dir dir;
  Config c = config_from(dir, ".hadolint.yaml",
                         "label-schema:\n  author: email\n  version: semver\n  url: url\n  created: rfc3339\n"
                         "  license: spdx\n  sha: hash\n  title: text\nstrict-labels: true\n");
  const std::string good =
      "FROM alpine:3\nLABEL author=a@b.example version=1.0.0 url=https://x.example created=2024-01-01T00:00:00Z "
      "license=MIT sha=abcdef1 title=t\n";
  for (const char *code : {"DL3049", "DL3050", "DL3051", "DL3052", "DL3053", "DL3054", "DL3055", "DL3056", "DL3058"}) {
    CAPTURE(code);
    CHECK(count(good, code, c) == 0);
  }
  CHECK(count("FROM alpine:3\n", "DL3049", c) == 7);
  CHECK(count("FROM alpine:3\nLABEL title=t\n", "DL3049", c) == 6);
  CHECK(count("FROM alpine:3\nLABEL other=1\n", "DL3050", c) == 1);
  CHECK(count("FROM alpine:3\nLABEL title=\"\"\n", "DL3051", c) == 1);
  CHECK(count("FROM alpine:3\nARG V=v2\nLABEL version=$V\n", "DL3056", c) == 1);
  CHECK(count("FROM alpine:3\nARG V\nLABEL version=$V\n", "DL3056", c) == 0);
  CHECK(count("FROM alpine:3\nONBUILD LABEL author=nobody\n", "DL3058", c) == 1);
  // Without strict-labels, extra labels are fine; without a schema, nothing is required.
  Config loose = config_from(dir, ".msmigrate.yaml", "label-schema: {title: text}\n");
  CHECK(count("FROM alpine:3\nLABEL other=1 title=t\n", "DL3050", loose) == 0);
  CHECK(count("FROM alpine:3\n", "DL3049", Config{}) == 0);
  // A list form means text labels.
  Config list = config_from(dir, ".msmigrate.yaml", "required-labels: [title]\n");
  CHECK(count("FROM alpine:3\n", "DL3049", list) == 1);
}

TEST_CASE("label value formats") {
  using namespace msm::lint::checks;
  CHECK(is_url("https://example.com/a?b#c"));
  CHECK(is_url("ssh://git@example.com:22/x.git"));
  CHECK(!is_url("example.com"));
  CHECK(!is_url("https://"));
  CHECK(is_rfc3339("2024-02-29T23:59:60.5-07:00"));
  CHECK(!is_rfc3339("2024-02-29"));
  CHECK(!is_rfc3339("2024-02-29T24:00:00Z"));
  CHECK(!is_rfc3339("2024-02-29T12:00:00+0700"));
  CHECK(is_spdx_expression("Apache-2.0"));
  CHECK(is_spdx_expression("GPL-2.0+"));
  CHECK(is_spdx_expression("(LGPL-2.1-only OR MIT) AND BSD-2-Clause"));
  CHECK(!is_spdx_expression("Apache License 2.0"));
  CHECK(!is_spdx_expression("(MIT"));
  CHECK(!is_spdx_expression(""));
  CHECK(is_git_hash("0123abc"));
  CHECK(!is_git_hash("0123ab"));
  CHECK(!is_git_hash("0123abg"));
  CHECK(is_semver("1.0.0-alpha.1"));
  CHECK(!is_semver("1.0"));
  CHECK(!is_semver("1.0.0-01"));
  CHECK(is_email("a.b@c.example"));
  CHECK(!is_email("a@b"));
}

TEST_CASE("opt-in rules: off by default, turned on by enable and by hadolint's override") {
  const std::string text = "# hadolint ignore=DL3006\nFROM debian\n";
  CHECK(count(text, "DL1001") == 0);
  CHECK(count("FROM alpine:3\n", "DL3057") == 0);
  Dir dir;
  Config enabled = config_from(dir, ".msmigrate.yaml", "enable: [DL1001, missing-healthcheck]\n");
  CHECK(count(text, "DL1001", enabled) == 1);
  CHECK(count("FROM alpine:3\n", "DL3057", enabled) == 1);
  Config hadolint = config_from(dir, ".hadolint.yaml", "override:\n  warning: [DL3057]\n");
  auto ds = lint("FROM alpine:3\n", hadolint);
  const Diagnostic *d = find(ds, "DL3057");
  REQUIRE(d);
  CHECK(d->severity == Severity::Warning);
  CHECK(count(text, "DL1001", hadolint) == 0);
  // Ignoring still wins over enabling.
  Config both = enabled;
  both.ignored.insert("DL3057");
  CHECK(count("FROM alpine:3\n", "DL3057", both) == 0);
}

TEST_CASE("DL codes shared with msmigrate's rules: suppressions, config and BuildKit's skip=all") {
  // DL3024 is MSM1009: a hadolint comment suppresses it, without an unused-suppression report.
  const std::string dup = "FROM alpine:3 AS a\n# hadolint ignore=DL3024\nFROM alpine:3 AS a\n";
  auto ds = lint(dup);
  CHECK(!find(ds, "MSM1009"));
  CHECK(!find(ds, "MSM9001"));
  Dir dir;
  Config c = config_from(dir, ".hadolint.yaml", "ignored: [DL3022, DL4003]\n");
  CHECK(count("FROM alpine:3\nCOPY --from=bulid /a /b\n", "MSM3003") == 1);
  CHECK(count("FROM alpine:3\nCOPY --from=bulid /a /b\n", "MSM3003", c) == 0);
  CHECK(count("FROM alpine:3\nCMD a\nCMD b\n", "MSM1016", c) == 0);
  Config o = config_from(dir, ".hadolint.yaml", "override:\n  error: [DL3064]\n");
  ds = lint("FROM alpine:3\nARG DB_PASSWORD\n", o);
  REQUIRE(find(ds, "MSM1019"));
  CHECK(find(ds, "MSM1019")->severity == Severity::Error);
  // `check=skip=all` skips BuildKit's checks only: MSM3003 has DL aliases but no BuildKit name.
  ds = lint("# check=skip=all\nFROM alpine:3\nCOPY --from=bulid /a /b\nMAINTAINER me\n");
  CHECK(find(ds, "MSM3003"));
  CHECK(!find(ds, "MSM1012"));
}

TEST_CASE("DL3002/DL3066: the user the final image runs as, through base stages") {
  CHECK(count("FROM debian:12\nUSER root\nRUN x\nUSER 1000\n", "DL3002") == 0);
  CHECK(count("FROM debian:12 AS b\nUSER root\nFROM b\nRUN x\n", "DL3002") == 1);
  CHECK(count("FROM debian:12 AS b\nUSER root\nFROM b\nUSER 1000\n", "DL3002") == 0);
  CHECK(count("FROM debian:12 AS b\nUSER root\nFROM alpine:3\nCOPY --from=b /x /x\n", "DL3002") == 0);
  CHECK(count("FROM debian:12\nUSER 0\n", "DL3002") == 1);
  CHECK(count("FROM debian:12\nUSER app\n", "DL3066") == 1);
  CHECK(count("FROM debian:12\nUSER app\nUSER 1000:1000\n", "DL3066") == 0);
  CHECK(count("ARG UID=1000\nFROM debian:12\nARG UID\nUSER $UID\n", "DL3066") == 0);
  CHECK(count("ARG U=app\nFROM debian:12\nARG U\nUSER $U\n", "DL3066") == 1);
}

TEST_CASE("DL3020: ADD to COPY is safe only when every source is seen to be no archive") {
  Dir dir;
  dir.write("app.py", "print('hi')\n");
  dir.write("blob", std::string("\x1f\x8b\x08\x00", 4) + "compressed");
  fs::create_directories(dir.path / "src");
  auto fix_of = [&](const std::string &text) -> std::optional<msm::edit::Applicability> {
    auto ds = lint(text, {}, dir.path);
    const Diagnostic *d = find(ds, "DL3020");
    REQUIRE(d);
    if (!d->fix) return std::nullopt;
    return d->fix->applicability;
  };
  CHECK(fix_of("FROM alpine:3\nADD app.py /app/\n") == msm::edit::Applicability::Safe);
  CHECK(fix_of("FROM alpine:3\nADD src /src\n") == msm::edit::Applicability::Safe);
  CHECK(fix_of("FROM alpine:3\nADD blob /x/\n") == msm::edit::Applicability::Unsafe);  // gzip inside
  CHECK(fix_of("FROM alpine:3\nADD missing.py /x/\n") == msm::edit::Applicability::Unsafe);
  CHECK(fix_of("FROM alpine:3\nADD *.py /x/\n") == msm::edit::Applicability::Unsafe);
  CHECK(!fix_of("FROM alpine:3\nADD app.py https://example.com/a /x/\n"));  // mixed: no fix
  CHECK(count("FROM alpine:3\nADD --keep-git-dir=true https://github.com/a/b.git /src\n", "DL3020") == 0);
  CHECK(count("FROM alpine:3\nADD <<EOF /x\nhi\nEOF\n", "DL3020") == 0);
  FixOutcome out = fix_source("from alpine:3\nadd app.py /app/\n", "Dockerfile", {}, dir.path, msm::edit::Applicability::Safe);
  CHECK(out.text == "from alpine:3\ncopy app.py /app/\n");
}

TEST_CASE("DL3059: merging RUNs only where the shell would not notice") {
  CHECK(count("FROM debian:12\nRUN a\nRUN b\n", "DL3059") == 1);
  CHECK(count("FROM debian:12\nRUN a\nRUN b && c && d\n", "DL3059") == 0);
  CHECK(count("FROM debian:12\nRUN --network=none a\nRUN b\n", "DL3059") == 0);
  CHECK(count("FROM debian:12\nRUN a\nFROM debian:12\nRUN b\n", "DL3059") == 0);
  auto fix = [](const std::string &text) {
    return fix_source(text, "Dockerfile", {}, std::nullopt, msm::edit::Applicability::Unsafe).text;
  };
  CHECK(fix("FROM debian:12\nRUN cd /src\nRUN make\n") == "FROM debian:12\nRUN cd /src\nRUN make\n");
  CHECK(fix("FROM debian:12\nRUN export A=1\nRUN make\n") == "FROM debian:12\nRUN export A=1\nRUN make\n");
  CHECK(fix("FROM debian:12\nRUN a # note\nRUN b\n") == "FROM debian:12\nRUN a # note\nRUN b\n");
  CHECK(fix("FROM debian:12\nRUN a\n# why b\nRUN b\n") == "FROM debian:12\nRUN a\n# why b\nRUN b\n");
  CHECK(fix("FROM debian:12\nRUN a;\nRUN b\n") == "FROM debian:12\nRUN a;\nRUN b\n");
  // Windows Dockerfiles (the backquote escape, a Windows image, SHELL powershell) are not POSIX shell.
  CHECK(count("# escape=`\nFROM debian:12\nRUN a\nRUN b\n", "DL3059") == 0);
  CHECK(count("FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS w\nFROM w\nRUN a\nRUN b\n", "DL3059") == 0);
  CHECK(count("FROM debian:12\nSHELL [\"powershell\", \"-c\"]\nRUN a\nSHELL [\"/bin/sh\", \"-c\"]\nRUN b\nRUN c\n", "DL3059") == 1);
  CHECK(fix("FROM debian:12\nRUN a \\\n  x\nRUN b\n") == "FROM debian:12\nRUN a \\\n  x && \\\n    b\n");
}

TEST_CASE("DL3021/DL3045/DL3067/DL3011/DL3043/DL3044/DL3048/DL3061: ONBUILD variants and fragments") {
  CHECK(count("FROM a:1\nONBUILD COPY a b /x\n", "DL3021") == 1);
  CHECK(count("FROM a:1\nONBUILD ADD app.py /x/\n", "DL3020") == 1);
  CHECK(count("FROM a:1\nONBUILD LABEL Bad=1\n", "DL3048") == 1);
  CHECK(count("FROM a:1\nONBUILD ENV A=1 B=$A\n", "DL3044") == 1);
  CHECK(count("FROM a:1\nONBUILD COPY --from=b / /\n", "DL3067") == 1);
  // hadolint checks ONBUILD triggers too (its DL3045 spec): no WORKDIR set in this image, so it is reported.
  CHECK(count("FROM a:1\nONBUILD COPY . app/\n", "DL3045") == 1);
  // Fragments without FROM lint (editors and docs lint snippets), and DL3061 stays quiet.
  const std::string fragment = "COPY a b /x\nLABEL Bad=1\nENV A=1 B=$A\nEXPOSE 70000\nUSER root\n";
  auto ds = lint(fragment);
  for (const char *code : {"DL3021", "DL3048", "DL3044", "DL3011"}) {
    CAPTURE(code);
    CHECK(find(ds, code));
  }
  CHECK(!find(ds, "DL3061"));
  CHECK(!find(ds, "DL3002"));
  CHECK(count("RUN a\nFROM b:1\n", "DL3061") == 1);
  CHECK(count("FROM a:1\nONBUILD ONBUILD RUN x\n", "DL3043") == 1);
}

TEST_CASE("DL3059: the cheap separator bound agrees with the shell parse around the threshold") {
  // One command, whatever hides separators inside quotes, substitutions or redirections.
  for (const char *body : {"a 2>&1 >/dev/null", "echo 'x; y; z'", "echo \"$(a; b; c)\" > f", "echo `a; b; c`",
                           "a &>/dev/null"}) {
    CAPTURE(body);
    CHECK(count(std::string("FROM debian:12\nRUN x\nRUN ") + body + "\n", "DL3059") == 1);
  }
  // Two or more: a RUN that chains commands was split on purpose (hadolint's spec).
  for (const char *body : {"a && b", "a; b", "a | b", "echo 'x; y' && b", "a; b; c"}) {
    CAPTURE(body);
    CHECK(count(std::string("FROM debian:12\nRUN x\nRUN ") + body + "\n", "DL3059") == 0);
  }
}
