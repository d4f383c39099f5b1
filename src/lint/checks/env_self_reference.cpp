// DL3044: ENV that uses a variable defined earlier in the same instruction: BuildKit expands
// the whole instruction first, so `ENV A=1 B=$A` gives B the value A had before (often none).

#include <set>

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void env_self_reference(Context &ctx) {
  analysis::ExpansionOptions options;
  options.escape = ctx.doc().escape();
  for_each_with_triggers(ctx.doc(), [&](size_t i, const syntax::Instruction &ins) {
    if (!ins.is(syntax::InstructionKind::Env)) return;
    std::set<std::string, std::less<>> defined;
    // BuildKit's `next` is flat [key, value, separator] triples.
    for (size_t k = 0; k + 1 < ins.args.size(); k += 3) {
      const auto &value = ins.args[k + 1];
      if (value.value.find('$') != std::string::npos && !defined.empty()) {
        auto e = analysis::expand_word(value.value, [](std::string_view) { return std::optional<std::string>(""); }, options);
        for (const auto &name : e.referenced) {
          if (!defined.count(name)) continue;
          auto before = ctx.graph().scope().lookup(i, name);
          ctx.report(value.range,
                     "`$" + name + "` is defined in this same ENV, but BuildKit expands it with its earlier value (" +
                         (before ? "`" + *before + "`" : std::string("unset")) +
                         "): define it in a separate ENV before this one");
          break;
        }
      }
      defined.insert(ins.args[k].value);
    }
  });
}

}  // namespace msm::lint::checks
