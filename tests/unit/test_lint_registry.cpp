// The rule registry: YAML files, the C++ registration list and the metadata reader agree.

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>
#include <set>

#include "lint/context.h"
#include "lint/registry.h"
#include "util/error.h"

using namespace msm::lint;

TEST_CASE("lint registry: the check list is sorted and names exactly the rule files") {
  const auto &checks = registered_checks();
  REQUIRE(!checks.empty());
  for (size_t i = 1; i < checks.size(); ++i) CHECK(checks[i - 1].code < checks[i].code);
  std::set<std::string> listed;
  for (const auto &c : checks) listed.insert(std::string(c.code));
  std::set<std::string> files;
  for (const auto &r : Registry::instance().rules()) files.insert(r.code);
  CHECK(listed == files);
}

TEST_CASE("lint registry: codes, names and aliases are unique and well formed") {
  std::set<std::string> seen;
  std::regex code_re("^(MSM[1-9][0-9]{3}|DL[0-9]{4})$");
  std::regex name_re("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
  for (const auto &r : Registry::instance().rules()) {
    CAPTURE(r.code);
    CHECK(std::regex_match(r.code, code_re));
    CHECK(std::regex_match(r.name, name_re));
    CHECK(!r.message.empty());
    auto lower = [](std::string s) {
      for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    };
    CHECK(seen.insert(lower(r.code)).second);
    CHECK(seen.insert(lower(r.name)).second);
    for (const auto &a : r.aliases) CHECK(seen.insert(lower(a)).second);
    CHECK(r.source_file.rfind(r.code + "-" + r.name, 0) == 0);
  }
}

TEST_CASE("lint registry: every rule has the docs sections and examples") {
  const auto &registry = Registry::instance();
  for (const auto &r : registry.rules()) {
    CAPTURE(r.code);
    std::string docs = registry.docs(r);
    for (const char *section : {"## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety"}) {
      CHECK(docs.find(section) != std::string::npos);
    }
    auto ex = registry.examples(r);
    CHECK(!ex.invalid.empty());
    CHECK(!ex.valid.empty());
    if (r.fix != FixAvailability::None) CHECK(!ex.fixes.empty());
  }
}

TEST_CASE("lint registry: the fast metadata reader agrees with yaml-cpp on every rule file") {
  for (const auto &f : embedded_rule_files()) {
    CAPTURE(f.file);
    YAML::Node node = YAML::Load(f.text);
    Registry single({f});
    REQUIRE(single.rules().size() == 1);
    const Rule &r = single.rules().front();
    CHECK(r.code == node["code"].as<std::string>());
    CHECK(r.name == node["name"].as<std::string>());
    CHECK(r.message == node["message"].as<std::string>());
    CHECK(std::string(to_string(r.severity)) == node["severity"].as<std::string>());
    CHECK(std::string(to_string(r.fix)) == node["fix"].as<std::string>());
    CHECK((r.scope == RuleScope::AllStages ? "all-stages" : "shipped-stages") == node["scope"].as<std::string>());
    std::vector<std::string> aliases;
    for (const auto &a : node["aliases"]) aliases.push_back(a.as<std::string>());
    CHECK(r.aliases == aliases);
    CHECK(r.opt_in == (node["opt-in"] ? node["opt-in"].as<bool>() : false));
  }
}

TEST_CASE("lint registry: codes, names and aliases all find the rule, in any case") {
  const auto &registry = Registry::instance();
  const Rule *by_code = registry.find("MSM1006");
  REQUIRE(by_code);
  CHECK(registry.find("msm1006") == by_code);
  CHECK(registry.find("stage-name-casing") == by_code);
  CHECK(registry.find("StageNameCasing") == by_code);
  CHECK(registry.find("stagenamecasing") == by_code);
  CHECK(registry.find("NoSuchRule") == nullptr);
}

TEST_CASE("lint registry: a malformed rule file is an error naming the file") {
  EmbeddedRuleFile bad{"MSM0000-bad.yaml", "code: MSM0000\nname: bad\nseverity: fatal\n"};
  CHECK_THROWS_WITH_AS(Registry({bad}), doctest::Contains("MSM0000-bad.yaml"), ::msm::Error);
}
