// The package-manager rules (DL3008...DL3062) in every shape a RUN takes: each invalid example
// of a rule whose last line is a plain one-line RUN must still be reported when that RUN is
// rewritten as ONBUILD RUN, a heredoc script, `bash <<EOF`, `RUN <<EOF sh`, exec form through
// `sh -c`, or a snippet without FROM; each valid example must stay clean in those shapes; and a
// non-POSIX SHELL, a python heredoc or a heredoc written to a file silences the rule.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lint/engine.h"
#include "lint/registry.h"

using namespace msm::lint;

namespace {

bool package_rule(const Rule &r) {
  static const std::vector<std::string> k_codes = {
      "DL3008", "DL3009", "DL3013", "DL3014", "DL3015", "DL3016", "DL3018", "DL3019", "DL3027", "DL3028", "DL3030", "DL3032",
      "DL3033", "DL3034", "DL3035", "DL3036", "DL3037", "DL3038", "DL3040", "DL3041", "DL3042", "DL3060", "DL3062"};
  return std::find(k_codes.begin(), k_codes.end(), r.code) != k_codes.end();
}

size_t count(const std::string &text, const Rule &rule) {
  auto doc = msm::syntax::Document::parse(text, "Dockerfile");
  Config config;
  auto ds = lint_document(*doc, config, std::nullopt);
  return static_cast<size_t>(std::count_if(ds.begin(), ds.end(), [&](const Diagnostic &d) { return d.rule == &rule; }));
}

struct Split {
  std::string head;     // everything before the last RUN line
  std::string command;  // the last line's command after `RUN `
};

// Examples whose last line is `RUN <command>` on one line, with no flags, JSON or heredoc.
std::optional<Split> split_last_run(const std::string &text) {
  if (text.empty() || text.back() != '\n') return std::nullopt;
  size_t start = text.rfind('\n', text.size() - 2);
  start = start == std::string::npos ? 0 : start + 1;
  std::string last = text.substr(start, text.size() - 1 - start);
  if (last.rfind("RUN ", 0) != 0) return std::nullopt;
  std::string command = last.substr(4);
  if (command.empty() || command[0] == '-' || command[0] == '[' || command.find("<<") != std::string::npos ||
      command.back() == '\\') {
    return std::nullopt;
  }
  return Split{text.substr(0, start), command};
}

std::string json_escape(const std::string &s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The same command as other RUN shapes.
std::vector<std::pair<std::string, std::string>> variants(const Split &s) {
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back("onbuild", s.head + "ONBUILD RUN " + s.command + "\n");
  out.emplace_back("heredoc", s.head + "RUN <<EOF\n" + s.command + "\nEOF\n");
  out.emplace_back("bash stdin heredoc", s.head + "RUN bash <<'EOF'\n" + s.command + "\nEOF\n");
  out.emplace_back("leading heredoc marker", s.head + "RUN <<EOF sh -e\n" + s.command + "\nEOF\n");
  // Exec form runs /bin/sh whatever the stage's SHELL says.
  if (s.head.find("SHELL") == std::string::npos) {
    out.emplace_back("exec form", s.head + "RUN [\"/bin/sh\", \"-c\", \"" + json_escape(s.command) + "\"]\n");
  }
  out.emplace_back("continued", s.head + "RUN true \\\n  && " + s.command + "\n");
  // Without FROM, when the example has no stages to speak of.
  if (s.head.find("FROM") == s.head.rfind("FROM") && s.head.find(" AS ") == std::string::npos) {
    size_t from = s.head.find("FROM");
    if (from != std::string::npos) {
      std::string rest = s.head.substr(s.head.find('\n', from) + 1);
      out.emplace_back("snippet", rest + "RUN " + s.command + "\n");
    }
  }
  return out;
}

}  // namespace

TEST_CASE("package rules: invalid examples are reported in every RUN shape") {
  const auto &registry = Registry::instance();
  size_t checked = 0;
  for (const auto &rule : registry.rules()) {
    if (!package_rule(rule)) continue;
    auto ex = registry.examples(rule);
    for (const auto &text : ex.invalid) {
      auto split = split_last_run(text);
      if (!split) continue;
      if (count(text, rule) == 0) continue;  // reported for an earlier line, not this RUN
      // Not a structured binding: CAPTURE's lambda cannot capture one under clang 14 (the sanitizer build).
      for (const auto &shape_and_variant : variants(*split)) {
        const auto &shape = shape_and_variant.first;
        const auto &variant = shape_and_variant.second;
        CAPTURE(rule.code);
        CAPTURE(shape);
        CAPTURE(variant);
        CHECK(count(variant, rule) > 0);
        ++checked;
      }
    }
  }
  CHECK(checked > 100);
}

TEST_CASE("package rules: valid examples stay clean in every RUN shape") {
  const auto &registry = Registry::instance();
  size_t checked = 0;
  for (const auto &rule : registry.rules()) {
    if (!package_rule(rule)) continue;
    auto ex = registry.examples(rule);
    for (const auto &text : ex.valid) {
      auto split = split_last_run(text);
      if (!split) continue;
      // Not a structured binding: CAPTURE's lambda cannot capture one under clang 14 (the sanitizer build).
      for (const auto &shape_and_variant : variants(*split)) {
        const auto &shape = shape_and_variant.first;
        const auto &variant = shape_and_variant.second;
        // A stage built only to be copied from is clean because it does not ship; as ONBUILD or
        // a snippet it would ship.
        if ((shape == "onbuild" || shape == "snippet") && text.find(" AS ") != std::string::npos) continue;
        CAPTURE(rule.code);
        CAPTURE(shape);
        CAPTURE(variant);
        CHECK(count(variant, rule) == 0);
        ++checked;
      }
    }
  }
  CHECK(checked > 60);
}

TEST_CASE("package rules: shells and heredocs that are not POSIX scripts are not analysed") {
  const auto &registry = Registry::instance();
  const Rule &yes = registry.get("DL3014");
  const Rule &pin = registry.get("DL3008");
  CHECK(count("FROM debian:12\nRUN apt-get install curl\n", yes) == 1);
  CHECK(count("FROM debian:12\nSHELL [\"pwsh\", \"-c\"]\nRUN apt-get install curl\n", yes) == 0);
  CHECK(count("# hadolint shell=powershell\nFROM debian:12\nRUN apt-get install curl\n", yes) == 0);
  CHECK(count("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install curl\n", yes) == 0);
  CHECK(count("FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nos.system('apt-get install curl')\nEOF\n", pin) == 0);
  CHECK(count("FROM debian:12\nRUN cat <<EOF > /usr/local/bin/setup\napt-get install curl\nEOF\n", pin) == 0);
  CHECK(count("FROM debian:12\nRUN python3 <<EOF\napt-get install curl\nEOF\n", pin) == 0);
  // A shebang naming a POSIX shell is analysed, whatever the stage's SHELL.
  CHECK(count("FROM debian:12\nSHELL [\"pwsh\", \"-c\"]\nRUN <<EOF\n#!/bin/bash\napt-get install curl\nEOF\n", yes) == 1);
  // Suppressed the hadolint way.
  CHECK(count("FROM debian:12\n# hadolint ignore=DL3014\nRUN apt-get install curl\n", yes) == 0);
}

TEST_CASE("package rules: diagnostics point at the exact words through continuations") {
  auto doc = msm::syntax::Document::parse("FROM debian:12\nRUN apt-get update \\\n# comment\n && apt-get install -y \\\n      curl\n",
                                          "Dockerfile");
  Config config;
  auto ds = lint_document(*doc, config, std::nullopt);
  bool pin = false;
  bool lists = false;
  for (const auto &d : ds) {
    if (d.rule->code == "DL3008") {
      CHECK(doc->text(d.range) == "curl");
      CHECK(d.start.line == 5);
      CHECK(d.start.column == 7);
      pin = true;
    }
    if (d.rule->code == "DL3009") {
      CHECK(doc->text(d.range) == "apt-get update");
      lists = true;
    }
  }
  CHECK(pin);
  CHECK(lists);
}

TEST_CASE("package rules: fixes of several rules on one RUN converge") {
  Config config;
  std::string before = "FROM debian:12\nRUN apt-get update && apt-get install curl=7.88.* \\\n && pip install flask==3.0.3\n";
  FixOutcome out = fix_source(before, "Dockerfile", config, std::nullopt, msm::edit::Applicability::Unsafe);
  CHECK(out.text ==
        "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl=7.88.* \\\n"
        " && pip install --no-cache-dir flask==3.0.3 && rm -rf /var/lib/apt/lists/*\n");
  FixOutcome again = fix_source(out.text, "Dockerfile", config, std::nullopt, msm::edit::Applicability::Unsafe);
  CHECK(again.applied == 0);
  CHECK(again.text == out.text);
}
