#pragma once
// LABEL pairs as the image gets them (keys and values expanded, quotes removed), shared by the
// label rules (DL3048-DL3058).

#include <algorithm>
#include <functional>

#include "lint/checks/util.h"

namespace msm::lint::checks {

struct LabelPair {
  size_t instruction = 0;
  std::string key;    // resolved
  std::string value;  // resolved
  syntax::Range key_range;
  syntax::Range value_range;
};

// Calls `fn` for every LABEL pair (ONBUILD triggers included) whose key and value resolve.
inline void for_each_label(const Context &ctx, const std::function<void(const LabelPair &)> &fn) {
  for_each_with_triggers(ctx.doc(), [&](size_t i, const syntax::Instruction &ins) {
    if (!ins.is(syntax::InstructionKind::Label)) return;
    // BuildKit's `next` is flat [key, value, separator] triples.
    for (size_t k = 0; k + 1 < ins.args.size(); k += 3) {
      auto key = resolved(ctx, i, ins.args[k].value);
      auto value = resolved(ctx, i, ins.args[k + 1].value);
      if (!key || !value) continue;
      fn({i, *key, *value, ins.args[k].range, ins.args[k + 1].range});
    }
  });
}

// The schema's labels of the given type (`label-schema` in the configuration).
inline std::vector<std::string> schema_labels(const Context &ctx, std::string_view type) {
  std::vector<std::string> out;
  for (const auto &[label, t] : ctx.config().required_labels) {
    if (t == type) out.push_back(label);
  }
  return out;
}

// Reports `code` for each LABEL whose key has schema type `type` and whose value fails `valid`.
inline void check_typed_labels(Context &ctx, std::string_view type, std::string_view what,
                               bool (*valid)(std::string_view)) {
  auto labels = schema_labels(ctx, type);
  if (labels.empty()) return;
  for_each_label(ctx, [&](const LabelPair &l) {
    if (std::find(labels.begin(), labels.end(), l.key) == labels.end() || l.value.empty()) return;  // empty: DL3051
    if (valid(l.value)) return;
    ctx.report(l.value_range, "Label `" + l.key + "` is not " + std::string(what) + ": `" + l.value + "`");
  });
}

}  // namespace msm::lint::checks
