// DL4001: a stage that downloads with both wget and curl (two tools where one does).

#include <map>

#include "lint/checks/checks.h"
#include "lint/checks/shell_rules.h"

namespace msm::lint::checks {

namespace {

struct Use {
  syntax::Range range;
  uint32_t line = 0;
};

struct Group {
  std::vector<Use> wget;
  std::vector<Use> curl;
};

// `command -v curl || wget ...`, `which wget`: the script picks whichever tool exists, so its
// uses say nothing about what the image carries.
bool probes_tools(const analysis::RunScript &script) {
  for (const auto &rc : script.commands()) {
    const auto &c = *rc.command;
    if (c.words.size() < 2) continue;
    std::string_view n = c.name();
    if (n != "command" && n != "which" && n != "type" && n != "hash") continue;
    for (size_t i = 1; i < c.words.size(); ++i) {
      if (c.words[i].raw == "wget" || c.words[i].raw == "curl") return true;
    }
  }
  return false;
}

}  // namespace

void wget_and_curl(Context &ctx) {
  // Key: the stage (ONBUILD triggers form their own group: they run in a child image).
  std::map<std::pair<long, bool>, Group> groups;
  shell_rules::for_each_command(ctx, {"wget", "curl"}, [&](const shell_rules::CommandAt &c) {
    if (probes_tools(c.script)) return;
    long stage = c.run.stage ? static_cast<long>(*c.run.stage) : -1;
    Group &g = groups[{stage, c.run.onbuild}];
    syntax::Range r = c.word_range(c.program);
    Use use{r, ctx.doc().lines().position(r.start).line};
    (c.name == "wget" ? g.wget : g.curl).push_back(use);
  });
  for (const auto &[key, g] : groups) {
    if (g.wget.empty() || g.curl.empty()) continue;
    // The tool that came second is the one to replace.
    bool wget_second = g.wget.front().range.start > g.curl.front().range.start;
    const auto &second = wget_second ? g.wget : g.curl;
    const Use &first = wget_second ? g.curl.front() : g.wget.front();
    std::string other = wget_second ? "curl" : "wget";
    for (const auto &use : second) {
      ctx.report(use.range,
                 "Either use `wget` or `curl`, not both: this stage already uses `" + other + "` (line " +
                     std::to_string(first.line) + ")");
    }
  }
}

}  // namespace msm::lint::checks
