// MSM1013 (BuildKit UndefinedArgInFrom): FROM using a variable no global ARG declares.

#include <algorithm>

#include "analysis/expansion.h"
#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void undefined_arg_in_from(Context &ctx) {
  const auto &doc = ctx.doc();
  const auto &globals = ctx.graph().scope().globals();
  auto declared = [&](std::string_view name) {
    return std::any_of(globals.begin(), globals.end(), [&](const auto &d) { return d.name == name; }) ||
           analysis::predefined_args().count(std::string(name)) > 0;
  };
  analysis::ExpansionOptions options;
  options.escape = doc.escape();
  auto lookup = [&](std::string_view name) -> std::optional<std::string> {
    if (declared(name)) return std::string();
    return std::nullopt;
  };
  for (const auto &stage : ctx.graph().stages()) {
    const auto &ins = doc.instructions()[stage.from_instruction];
    std::vector<std::pair<std::string, syntax::Range>> words;
    if (!ins.args.empty()) words.emplace_back(ins.args[0].value, ins.args[0].range);
    if (const auto *f = ins.flag("platform"); f && f->value) words.emplace_back(*f->value, f->range);
    for (const auto &[word, range] : words) {
      if (word.find('$') == std::string::npos) continue;
      auto result = analysis::expand_word(word, lookup, options);
      auto defaulted = names_with_default(word);
      for (const auto &name : result.unset) {
        if (defaulted.count(name) || name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) continue;
        ctx.report(range, "FROM argument `" + name + "` is not declared by a global ARG (before the first FROM)");
      }
    }
  }
}

}  // namespace msm::lint::checks
