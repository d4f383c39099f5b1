// `msmigrate rules [CODE] [--format text|json|md]`: the rule registry, for people and docs generation.

#include <iomanip>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "lint/registry.h"
#include "util/error.h"

namespace msm::cli {

namespace {

std::string aliases_text(const lint::Rule &r) {
  std::string out;
  for (const auto &a : r.aliases) out += (out.empty() ? "" : ",") + a;
  return out;
}

nlohmann::ordered_json rule_json(const lint::Registry &registry, const lint::Rule &r, bool full) {
  nlohmann::ordered_json j = {{"code", r.code},         {"name", r.name},
                              {"aliases", r.aliases},   {"severity", lint::to_string(r.severity)},
                              {"scope", r.scope == lint::RuleScope::AllStages ? "all-stages" : "shipped-stages"},
                              {"fix", lint::to_string(r.fix)}, {"opt_in", r.opt_in}, {"message", r.message},
                              {"url", registry.docs_url(r)}};
  if (full) {
    j["docs"] = registry.docs(r);
    auto ex = registry.examples(r);
    j["examples"] = {{"valid", ex.valid}, {"invalid", ex.invalid}};
  }
  return j;
}

void print_markdown(const lint::Registry &registry, const lint::Rule &r) {
  std::cout << "# " << r.code << " " << r.name << "\n\n";
  std::cout << "- Severity: " << lint::to_string(r.severity) << "\n";
  std::cout << "- Fix: " << lint::to_string(r.fix) << "\n";
  if (r.opt_in) std::cout << "- Off by default (opt-in: `enable: [" << r.code << "]` or `--enable " << r.code << "`)\n";
  std::cout << "- Scope: " << (r.scope == lint::RuleScope::AllStages ? "all stages" : "stages that ship") << "\n";
  if (!r.aliases.empty()) std::cout << "- Aliases: " << aliases_text(r) << "\n";
  std::cout << "\n" << r.message << "\n\n";
  // Rule docs use level-2 headings; shift them under the rule's title.
  std::string docs = registry.docs(r);
  std::string shifted;
  size_t pos = 0;
  while (pos < docs.size()) {
    size_t nl = docs.find('\n', pos);
    std::string line = docs.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (line.rfind("## ", 0) == 0) line = "#" + line;
    shifted += line + "\n";
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  std::cout << shifted << "\n";
}

}  // namespace

void register_rules(CLI::App &app, int &exit_code) {
  auto *cmd = app.add_subcommand("rules", "List the lint rules, or show one rule's documentation");
  auto code = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  cmd->add_option("code", *code, "Rule code, name or alias (e.g. MSM1006, stage-name-casing, StageNameCasing)");
  cmd->add_option("--format", *format, "text (default), json, md")->check(CLI::IsMember({"text", "json", "md"}));
  cmd->callback([code, format, &exit_code] {
    const auto &registry = lint::Registry::instance();
    std::vector<const lint::Rule *> selected;
    if (!code->empty()) {
      const lint::Rule *r = registry.find(*code);
      if (!r) throw Error("unknown rule '" + *code + "' (run `msmigrate rules` for the list)");
      selected.push_back(r);
    } else {
      for (const auto &r : registry.rules()) selected.push_back(&r);
      // ShellCheck's codes (run on RUN scripts) follow ours.
      for (const auto &r : lint::Registry::shellcheck_rules()) selected.push_back(&r);
    }
    if (*format == "json") {
      if (!code->empty()) {
        std::cout << rule_json(registry, *selected.front(), true).dump(2) << "\n";
      } else {
        nlohmann::ordered_json all = nlohmann::ordered_json::array();
        for (const auto *r : selected) all.push_back(rule_json(registry, *r, true));
        std::cout << all.dump(2) << "\n";
      }
    } else if (*format == "md") {
      for (const auto *r : selected) print_markdown(registry, *r);
    } else if (!code->empty()) {
      const auto &r = *selected.front();
      std::cout << r.code << " " << r.name << " (" << lint::to_string(r.severity) << (r.opt_in ? ", opt-in" : "")
                << ", fix: " << lint::to_string(r.fix)
                << (r.aliases.empty() ? "" : ", aliases: " + aliases_text(r)) << ")\n\n"
                << registry.docs(r) << "\n" << registry.docs_url(r) << "\n";
    } else {
      std::cout << std::left << std::setw(9) << "CODE" << std::setw(36) << "NAME" << std::setw(9) << "SEVERITY"
                << std::setw(10) << "FIX" << "ALIASES\n";
      for (const auto *r : selected) {
        std::cout << std::left << std::setw(9) << r->code << std::setw(36) << r->name << std::setw(9)
                  << (r->opt_in ? "off" : lint::to_string(r->severity)) << std::setw(10) << lint::to_string(r->fix) << aliases_text(*r)
                  << "\n";
      }
    }
    exit_code = k_exit_ok;
  });
}

}  // namespace msm::cli
