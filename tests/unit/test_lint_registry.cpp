// The rule registry: the table generated from rules/*.yaml agrees with the files, and every rule
// has a check. (A malformed rule file fails the build: tests/e2e/rule_table_generator.sh.)

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>
#include <set>

#include "lint/context.h"
#include "lint/registry.h"
#include "util/error.h"

using namespace msm::lint;

TEST_CASE("lint registry: every rule has a check, or is reported by the engine itself") {
  const auto &rules = Registry::instance().rules();
  REQUIRE(!rules.empty());
  for (size_t i = 1; i < rules.size(); ++i) CHECK(rules[i - 1].code < rules[i].code);
  std::set<CheckFn> checks;
  for (const auto &spec : rule_specs()) {
    CAPTURE(spec.code);
    YAML::Node node = YAML::Load(std::string(spec.text));
    std::string check = node["check"].as<std::string>();
    bool has_check = spec.check != nullptr;  // doctest cannot print a function pointer
    CHECK(has_check == (check != "engine"));
    if (has_check) CHECK(checks.insert(spec.check).second);  // one rule per check function
  }
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

TEST_CASE("lint registry: the generated table agrees with yaml-cpp on every rule file") {
  for (const auto &spec : rule_specs()) {
    CAPTURE(spec.source_file);
    YAML::Node node = YAML::Load(std::string(spec.text));
    const Rule &r = Registry::instance().get(spec.code);
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
    CHECK(r.source_file == spec.source_file);
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

TEST_CASE("lint registry: a check reports for the rule the engine bound; the old form must name that rule") {
  auto doc = msm::syntax::Document::parse("FROM debian\n", "Dockerfile");
  msm::analysis::StageGraph graph(*doc);
  Config config;
  Context ctx(*doc, graph, config, std::nullopt);
  msm::syntax::Range range{5, 11};
  CHECK_THROWS_WITH_AS(ctx.report(range, "x"), doctest::Contains("no rule bound"), ::msm::Error);
  ctx.bind(&Registry::instance().get("DL3006"));
  CHECK(ctx.report(range, "x").rule->code == "DL3006");
  CHECK(ctx.report("DL3006", range, "x").rule->code == "DL3006");
  CHECK_THROWS_WITH_AS(ctx.report("DL3007", range, "x"), doctest::Contains("the check of DL3006 reported DL3007"), ::msm::Error);
  CHECK(ctx.diagnostics().size() == 2);
}
