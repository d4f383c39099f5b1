#pragma once
// The USER the final image runs as: the last USER of the final stage, or of the stage it is
// built FROM, and so on up the chain (shared by DL3002 and DL3066).

#include <optional>

#include "lint/checks/util.h"

namespace msm::lint::checks {

struct EffectiveUser {
  size_t instruction = 0;  // the USER instruction
  std::string user;        // the user part, resolved (`app` of `app:staff`)
};

// nullopt when no stage in the chain sets USER (the base image decides) or its value cannot be
// resolved.
inline std::optional<EffectiveUser> final_user(const Context &ctx) {
  const auto &graph = ctx.graph();
  const auto &instructions = ctx.doc().instructions();
  for (auto stage = graph.last(); stage; stage = graph.stages()[*stage].base_stage) {
    const auto &s = graph.stages()[*stage];
    for (size_t i = s.end_instruction; i-- > s.from_instruction + 1;) {
      const auto &ins = instructions[i];
      if (!ins.is(syntax::InstructionKind::User) || ins.args.empty()) continue;
      auto value = resolved(ctx, i, trim(ins.args[0].value));
      if (!value || value->empty()) return std::nullopt;
      return EffectiveUser{i, value->substr(0, value->find(':'))};
    }
  }
  return std::nullopt;
}

inline bool is_root_user(std::string_view user) { return user == "root" || user == "0"; }

}  // namespace msm::lint::checks
