// MSM1008 (BuildKit ConsistentInstructionCasing): keywords that are not all upper-case or all
// lower-case like the majority of the file's keywords.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {
void visit(const syntax::Instruction &ins, int &upper_count, int &lower_count) {
  if (ins.is(syntax::InstructionKind::Unknown)) return;
  if (!has_lower(ins.keyword)) ++upper_count;
  else if (!has_upper(ins.keyword)) ++lower_count;
}
}  // namespace

void instruction_casing(Context &ctx) {
  int upper_count = 0;
  int lower_count = 0;
  for (const auto &ins : ctx.doc().instructions()) visit(ins, upper_count, lower_count);
  bool want_upper = upper_count >= lower_count;
  for (const auto &ins : ctx.doc().instructions()) {
    if (ins.is(syntax::InstructionKind::Unknown)) continue;
    bool ok = want_upper ? !has_lower(ins.keyword) : !has_upper(ins.keyword);
    if (ok) continue;
    std::string want = want_upper ? upper(ins.keyword) : lower(ins.keyword);
    ctx.report(ins.keyword_range,
               "Command `" + ins.keyword + "` should match the case of the other instructions (" +
                   (want_upper ? "upper-case" : "lower-case") + ")",
               edit::Fix{"Write `" + want + "`", edit::Applicability::Safe,
                         {{ins.keyword_range.start, ins.keyword_range.end, want}}});
  }
}

}  // namespace msm::lint::checks
