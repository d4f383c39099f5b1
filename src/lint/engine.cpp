#include "lint/engine.h"

#include <algorithm>
#include <cctype>

#include "analysis/stages.h"
#include "lint/context.h"
#include "lint/shellcheck/check.h"
#include "lint/suppression.h"

namespace msm::lint {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool is_foreign_code(std::string_view code) {
  // hadolint's rules implemented elsewhere (DLxxxx) and ShellCheck's (SCxxxx).
  if (code.size() != 6) return false;
  std::string prefix{static_cast<char>(std::toupper(static_cast<unsigned char>(code[0]))),
                     static_cast<char>(std::toupper(static_cast<unsigned char>(code[1])))};
  if (prefix != "DL" && prefix != "SC") return false;
  return std::all_of(code.begin() + 2, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Suppression {
  SuppressionKind kind = SuppressionKind::NextInstruction;
  syntax::Range range;                  // the comment
  std::optional<syntax::Range> target;  // the instruction it covers (NextInstruction)
  std::vector<std::string> names;       // as written
  bool all = false;                     // check=skip=all
  bool report_unused = true;            // BuildKit's skip lists are file policy, not claims
  std::vector<const Rule *> rules;      // parallel to names (nullptr: unknown)
  std::vector<bool> used;
};

void resolve(Suppression &sup) {
  const Registry &registry = Registry::instance();
  for (const auto &name : sup.names) {
    if (sup.kind == SuppressionKind::BuildkitSkip && (name == "all" || name == "ALL")) {
      sup.all = true;
      sup.rules.push_back(nullptr);
    } else {
      sup.rules.push_back(registry.find(name));
    }
  }
  sup.used.assign(sup.names.size(), false);
}

bool covers(const Suppression &sup, const Diagnostic &d) {
  if (sup.kind == SuppressionKind::NextInstruction || (sup.kind == SuppressionKind::BuildkitSkip && sup.target)) {
    if (!sup.target || d.range.start < sup.target->start || d.range.start >= sup.target->end) return false;
  }
  return true;
}

// `check_policy`: the file's `# check=` directive, or the build argument that replaces it.
std::vector<Suppression> collect_suppressions(const syntax::Document &doc, const syntax::Directive *check_policy) {
  std::vector<Suppression> out;
  if (check_policy) {
    if (auto names = check_skip_names(check_policy->value)) {
      Suppression sup;
      sup.kind = SuppressionKind::BuildkitSkip;
      sup.report_unused = false;
      sup.range = check_policy->range;
      sup.names = std::move(*names);
      out.push_back(std::move(sup));
    }
  }
  const auto &instructions = doc.instructions();
  for (const auto &c : doc.comments()) {
    auto comment = parse_suppression_comment(c.text);
    if (!comment) continue;
    Suppression sup;
    sup.kind = comment->kind;
    sup.report_unused = comment->kind != SuppressionKind::BuildkitSkip;
    sup.names = std::move(comment->names);
    sup.range = c.range;
    if (sup.kind != SuppressionKind::File) {
      auto it = std::lower_bound(instructions.begin(), instructions.end(), c.range.end,
                                 [](const syntax::Instruction &ins, uint32_t b) { return ins.range.start < b; });
      if (it != instructions.end()) sup.target = it->range;
      else if (sup.kind == SuppressionKind::NextInstruction) sup.target = syntax::Range{c.range.end, c.range.end};
    }
    out.push_back(std::move(sup));
  }
  for (auto &s : out) resolve(s);
  return out;
}

}  // namespace

std::vector<Diagnostic> lint_document(const syntax::Document &doc, const Config &config,
                                      const std::optional<std::filesystem::path> &directory,
                                      const LintOptions &options) {
  analysis::StageGraph graph(doc, options.build_args);
  Context ctx(doc, graph, config, directory);
  const Registry &registry = Registry::instance();
  for (const Rule &rule : registry.rules()) {
    if (!rule.check || !config.enabled(rule)) continue;
    ctx.bind(&rule);
    rule.check(ctx);
  }
  ctx.bind(nullptr);
  shellcheck::Coverage shellcheck_ran;
  if (options.shellcheck) {
    shellcheck::Runner &runner = options.shellcheck_runner ? *options.shellcheck_runner : shellcheck::Runner::instance();
    shellcheck_ran = shellcheck::check_runs(ctx, runner, *options.shellcheck, options.shellcheck_missed);
  }
  std::vector<Diagnostic> found = std::move(ctx.diagnostics());

  // Hygiene rules scoped to shipped stages skip what never reaches the image.
  std::erase_if(found, [&](const Diagnostic &d) {
    if (d.rule->scope != RuleScope::ShippedStages) return false;
    auto ins = ctx.instruction_at(d.range.start);
    if (!ins) return false;
    auto stage = graph.stage_of(*ins);
    return stage && !ctx.stage_needed(*stage);
  });

  // BuildKit's BUILDKIT_DOCKERFILE_CHECK build argument replaces the file's `# check=` directive.
  const syntax::Directive *check = doc.directive("check");
  syntax::Directive check_argument;
  if (auto arg = options.build_args.find("BUILDKIT_DOCKERFILE_CHECK"); arg != options.build_args.end()) {
    check_argument = {"check", arg->second, check ? check->range : syntax::Range{}};
    check = &check_argument;
  }
  std::vector<Suppression> suppressions = collect_suppressions(doc, check);
  // A suppression of a ShellCheck code is unused only where ShellCheck ran on the script.
  auto claim_checkable = [&](const Suppression &sup, const Rule &rule) {
    if (!rule.from_shellcheck) return true;
    if (sup.kind == SuppressionKind::File) return shellcheck_ran.whole_file;
    if (!sup.target) return false;
    auto ins = ctx.instruction_at(sup.target->start);
    return ins && *ins < shellcheck_ran.checked.size() && shellcheck_ran.checked[*ins];
  };
  std::vector<Diagnostic> kept;
  for (auto &d : found) {
    bool suppressed = false;
    for (auto &sup : suppressions) {
      if (!covers(sup, d)) continue;
      for (size_t i = 0; i < sup.names.size(); ++i) {
        bool match = sup.rules[i] == d.rule || (sup.all && d.rule->has_buildkit_name());
        if (match) {
          sup.used[i] = true;
          suppressed = true;
        }
      }
    }
    if (!suppressed) kept.push_back(std::move(d));
  }

  for (const auto &sup : suppressions) {
    for (size_t i = 0; i < sup.names.size(); ++i) {
      const std::string &name = sup.names[i];
      if (!sup.rules[i] && !sup.all && !is_foreign_code(name) && sup.kind != SuppressionKind::BuildkitSkip) {
        Diagnostic d;
        d.rule = &registry.get("MSM9002");
        d.message = "Unknown rule `" + name + "` in suppression comment";
        d.range = sup.range;
        kept.push_back(std::move(d));
      } else if (sup.rules[i] && !sup.used[i] && sup.report_unused && claim_checkable(sup, *sup.rules[i])) {
        Diagnostic d;
        d.rule = &registry.get("MSM9001");
        d.message = "Unused suppression: `" + name + "` reports nothing here";
        d.range = sup.range;
        // Deleting the comment is only safe when it names nothing else.
        if (sup.names.size() == 1) {
          uint32_t start = sup.range.start;
          uint32_t end = sup.range.end;
          const std::string &src = doc.source();
          uint32_t line_start = doc.lines().line_start(doc.lines().line_of(start));
          bool own_line = trim(std::string_view(src).substr(line_start, start - line_start)).empty();
          if (own_line) {
            start = line_start;
            if (end < src.size() && src[end] == '\r') ++end;
            if (end < src.size() && src[end] == '\n') ++end;
            d.fix = edit::Fix{"Remove the unused suppression", edit::Applicability::Safe, {{start, end, ""}}};
          }
        }
        kept.push_back(std::move(d));
      }
    }
  }

  std::erase_if(kept, [&](const Diagnostic &d) { return config.ignored.count(d.rule->code) > 0; });
  bool buildkit_errors = check && check_error_flag(check->value);
  for (auto &d : kept) {
    auto o = config.overrides.find(d.rule->code);
    d.severity = o != config.overrides.end() ? o->second : d.reported_severity.value_or(d.rule->severity);
    // `# check=error=true` makes BuildKit's checks fail the build: here they become errors.
    if (buildkit_errors && o == config.overrides.end() && d.rule->has_buildkit_name()) d.severity = Severity::Error;
    d.start = doc.lines().position(d.range.start);
    d.end = doc.lines().position(d.range.end);
    for (auto &r : d.related) {
      r.start = doc.lines().position(r.range.start);
      r.end = doc.lines().position(r.range.end);
    }
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Diagnostic &a, const Diagnostic &b) {
    if (a.range.start != b.range.start) return a.range.start < b.range.start;
    return a.rule->code < b.rule->code;
  });
  return kept;
}

FixOutcome fix_source(const std::string &source, const std::string &path, const Config &config,
                      const std::optional<std::filesystem::path> &directory,
                      edit::Applicability max_applicability, size_t max_rounds) {
  return fix_with(
      source, path, [&](const syntax::Document &doc) { return lint_document(doc, config, directory); },
      max_applicability, max_rounds);
}

FixOutcome fix_with(const std::string &source, const std::string &path, const LintStep &lint,
                    edit::Applicability max_applicability, size_t max_rounds) {
  FixOutcome out;
  out.text = source;
  auto doc = syntax::Document::parse(source, path);
  size_t problems = doc->problems().size();
  out.remaining = lint(*doc);
  while (out.rounds < max_rounds) {
    std::vector<edit::Fix> fixes;
    for (const auto &d : out.remaining) {
      if (d.fix && d.fix->applicability != edit::Applicability::DisplayOnly &&
          static_cast<int>(d.fix->applicability) <= static_cast<int>(max_applicability)) {
        fixes.push_back(*d.fix);
      }
    }
    if (fixes.empty()) break;
    edit::ApplyResult applied = edit::apply_fixes(out.text, fixes);
    if (applied.applied == 0 || applied.text == out.text) break;
    auto next = syntax::Document::parse(applied.text, path);
    ++out.rounds;
    if (next->problems().size() > problems) {
      out.refused = true;
      break;
    }
    out.text = std::move(applied.text);
    out.applied += applied.applied;
    out.remaining = lint(*next);
  }
  return out;
}

}  // namespace msm::lint
