// MSM1003: flags an instruction does not take, repeated flags that may appear once, and
// malformed values, as BuildKit's instruction layer rejects them (notes §9).

#include <map>
#include <set>
#include <vector>

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

enum class FlagType { String, Bool, Repeatable };

using FlagTable = std::map<std::string, FlagType, std::less<>>;

const FlagTable *flags_for(syntax::InstructionKind kind) {
  using K = syntax::InstructionKind;
  using T = FlagType;
  static const FlagTable k_from = {{"platform", T::String}};
  static const FlagTable k_copy = {{"from", T::String}, {"chown", T::String}, {"chmod", T::String},
                                   {"link", T::Bool}, {"parents", T::Bool}, {"exclude", T::Repeatable}};
  static const FlagTable k_add = {{"chown", T::String}, {"chmod", T::String}, {"link", T::Bool},
                                  {"keep-git-dir", T::Bool}, {"checksum", T::String}, {"unpack", T::Bool},
                                  {"exclude", T::Repeatable}};
  static const FlagTable k_run = {{"mount", T::Repeatable}, {"network", T::String}, {"security", T::String},
                                  {"device", T::Repeatable}};
  static const FlagTable k_healthcheck = {{"interval", T::String}, {"timeout", T::String},
                                          {"start-period", T::String}, {"start-interval", T::String},
                                          {"retries", T::String}};
  static const FlagTable k_none;
  switch (kind) {
    case K::From: return &k_from;
    case K::Copy: return &k_copy;
    case K::Add: return &k_add;
    case K::Run: return &k_run;
    case K::Healthcheck: return &k_healthcheck;
    case K::Stopsignal: return nullptr;  // BuildKit never checks STOPSIGNAL's flags
    case K::Unknown: return nullptr;     // MSM1002 reports the instruction itself
    default: return &k_none;
  }
}

void check(Context &ctx, const syntax::Instruction &ins, syntax::Range where_for_trigger, bool trigger) {
  const FlagTable *table = flags_for(ins.kind);
  if (!table) return;
  std::string keyword = upper(ins.keyword);
  std::set<std::string> seen;
  for (const auto &f : ins.flags) {
    syntax::Range range = trigger ? where_for_trigger : f.range;
    auto it = table->find(f.name);
    if (it == table->end()) {
      std::string hint;
      if (ins.is(syntax::InstructionKind::Add) && f.name == "from") hint = " (ADD cannot copy from a stage; use COPY --from)";
      ctx.report(range, "Unknown flag `--" + f.name + "` for " + keyword + hint);
      continue;
    }
    if (it->second != FlagType::Repeatable && !seen.insert(f.name).second) {
      ctx.report(range, "Duplicate flag `--" + f.name + "` for " + keyword);
    }
    if (it->second == FlagType::Bool && f.value) {
      std::string v = lower(*f.value);
      if (v != "true" && v != "false") {
        ctx.report(range, "Flag `--" + f.name + "` takes true or false, not `" + *f.value + "`");
      }
    } else if (it->second != FlagType::Bool && !f.value) {
      ctx.report(range, "Flag `--" + f.name + "` needs a value: `--" + f.name + "=...`");
    }
  }
}

}  // namespace

void unknown_flag(Context &ctx) {
  for (const auto &ins : ctx.doc().instructions()) {
    check(ctx, ins, ins.line_range, false);
    if (ins.trigger) check(ctx, *ins.trigger, ins.line_range, true);
  }
}

}  // namespace msm::lint::checks
