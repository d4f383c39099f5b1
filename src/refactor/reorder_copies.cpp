#include "refactor/reorder_copies.h"

#include <algorithm>
#include <set>

#include "analysis/shell.h"
#include "analysis/stages.h"

namespace msm::refactor {

namespace {

namespace sh = analysis::shell;
using syntax::Instruction;
using syntax::InstructionKind;

// Package installs from remote repositories: slow, and independent of the build context.
bool is_stable_install(const std::vector<std::string> &argv) {
  if (argv.empty()) return false;
  const std::string &n = argv[0];
  auto has = [&](std::string_view w) { return std::find(argv.begin(), argv.end(), w) != argv.end(); };
  if (n == "apt-get" || n == "apt" || n == "apk" || n == "yum" || n == "dnf" || n == "microdnf" || n == "zypper") return true;
  if ((n == "pip" || n == "pip3") && has("install") && !has("-r") && !has("--requirement") && !has(".") && !has("-e")) return true;
  if (n == "npm" && has("-g")) return true;
  if (n == "gem" && has("install")) return true;
  if (n == "go" && has("install") ) {
    for (const auto &a : argv) {
      if (a.find('@') != std::string::npos) return true;  // go install pkg@version fetches
    }
  }
  return false;
}

// Commands that touch only absolute paths or nothing at all.
bool is_neutral(const std::vector<std::string> &argv) {
  static const std::set<std::string, std::less<>> k_neutral = {
      "mkdir", "rm", "ln", "chmod", "chown", "useradd", "adduser", "groupadd", "addgroup", "echo", "true", "set",
      "curl", "wget", "tar", "update-ca-certificates", "locale-gen", "export", "cd", "printf", "usermod", "install"};
  if (argv.empty()) return true;
  if (!k_neutral.count(argv[0])) return false;
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string &a = argv[i];
    if (a.empty() || a[0] == '-' || a[0] == '/' || a.find("://") != std::string::npos) continue;
    if (argv[0] == "echo" || argv[0] == "printf" || argv[0] == "set" || argv[0] == "export") continue;
    if (argv[0] == "useradd" || argv[0] == "adduser" || argv[0] == "groupadd" || argv[0] == "addgroup" || argv[0] == "usermod") continue;
    if ((argv[0] == "chmod" || argv[0] == "chown") && i == 1) continue;  // the mode or owner
    return false;  // a relative path: it could be one of the copied files
  }
  return true;
}

struct RunView {
  bool reads_context = true;  // when in doubt
  bool stable = false;
  std::string why;
};

RunView view_run(const Instruction &ins) {
  RunView v;
  if (ins.json || !ins.heredocs.empty() || ins.flag("mount")) {
    v.why = ins.json ? "an exec-form RUN" : ins.heredocs.empty() ? "a RUN with --mount" : "a RUN with a heredoc";
    return v;
  }
  std::string body = ins.args.empty() ? "" : ins.args[0].value;
  auto script = sh::Script::parse(body);
  if (!script->problems().empty()) {
    v.why = "a RUN whose shell msmigrate cannot parse";
    return v;
  }
  analysis::VariableLookup none = [](std::string_view) { return std::nullopt; };
  bool stable = false;
  for (const auto &c : script->commands()) {
    std::vector<std::string> argv;
    for (const auto &w : c.words) argv.push_back(sh::evaluate(w, none, {}).value);
    if (c.words.empty() || c.test) continue;
    if (!c.redirects.empty()) {
      for (const auto &r : c.redirects) {
        if (r.target && !r.target->raw.empty() && r.target->raw[0] != '/' && r.target->raw[0] != '&') {
          v.why = "`" + std::string(script->text(c.range)) + "` reads or writes a relative path";
          return v;
        }
      }
    }
    if (is_stable_install(argv)) {
      stable = true;
      continue;
    }
    if (!is_neutral(argv)) {
      v.why = "`" + std::string(script->text(c.range)) + "` may read the copied files";
      return v;
    }
  }
  v.reads_context = false;
  v.stable = stable;
  return v;
}

bool volatile_copy(const Instruction &ins) {
  if (!ins.is(InstructionKind::Copy) && !ins.is(InstructionKind::Add)) return false;
  if (ins.flag("from") || !ins.heredocs.empty() || ins.args.size() < 2) return false;
  for (const auto &a : ins.args) {
    if (a.value.find('$') != std::string::npos || a.value.find("://") != std::string::npos) return false;
  }
  return true;
}

// Dependency installs that read only manifests, and the manifests to copy first.
std::vector<std::string> manifests_for(const std::vector<std::string> &argv) {
  if (argv.empty()) return {};
  const std::string &n = argv[0];
  auto has = [&](std::string_view w) { return std::find(argv.begin(), argv.end(), w) != argv.end(); };
  if (n == "npm" && (has("ci") || (has("install") && argv.size() == 2))) return {"package*.json"};
  if (n == "yarn" && (argv.size() == 1 || has("install"))) return {"package.json", "yarn.lock"};
  if (n == "pnpm" && has("install")) return {"package.json", "pnpm-lock.yaml"};
  if ((n == "pip" || n == "pip3") && has("install")) {
    for (size_t i = 1; i + 1 < argv.size(); ++i) {
      if (argv[i] == "-r" || argv[i] == "--requirement") return {argv[i + 1]};
    }
  }
  if (n == "go" && argv.size() >= 3 && argv[1] == "mod" && argv[2] == "download") return {"go.mod", "go.sum"};
  if (n == "bundle" && (argv.size() == 1 || has("install"))) return {"Gemfile", "Gemfile.lock"};
  if (n == "cargo" && has("fetch")) return {"Cargo.toml", "Cargo.lock"};
  if (n == "composer" && has("install")) return {"composer.json", "composer.lock"};
  if (n == "mvn" && has("dependency:go-offline")) return {"pom.xml"};
  return {};
}

std::vector<std::string> run_manifests(const Instruction &ins) {
  if (ins.json || !ins.heredocs.empty() || ins.args.empty()) return {};
  auto script = sh::Script::parse(ins.args[0].value);
  analysis::VariableLookup none = [](std::string_view) { return std::nullopt; };
  std::vector<std::string> out;
  for (const auto &c : script->commands()) {
    std::vector<std::string> argv;
    for (const auto &w : c.words) argv.push_back(sh::evaluate(w, none, {}).value);
    auto m = manifests_for(argv);
    if (!m.empty()) return m;
    if (!is_stable_install(argv) && !is_neutral(argv)) return {};  // something else reads sources too
  }
  return out;
}

// One past the newline ending the line that holds the last byte before `pos` (ranges end
// after their own newline, which must not pull in the next line).
uint32_t line_end(const std::string &src, uint32_t pos) {
  if (pos > 0 && src[pos - 1] == '\n') return pos;
  while (pos < src.size() && src[pos] != '\n') ++pos;
  return pos < src.size() ? pos + 1 : pos;
}

uint32_t line_start(const std::string &src, uint32_t pos) {
  while (pos > 0 && src[pos - 1] != '\n') --pos;
  return pos;
}

// The start of the comment lines directly above `pos` (a comment travels with its COPY).
uint32_t with_comments(const std::string &src, uint32_t pos) {
  while (pos > 0) {
    uint32_t prev = line_start(src, pos - 1);
    size_t first = src.find_first_not_of(" \t", prev);
    if (first == std::string::npos || first >= pos || src[first] != '#') break;
    pos = prev;
  }
  return pos;
}

}  // namespace

ReorderResult reorder_copies(const syntax::Document &doc) {
  ReorderResult result;
  analysis::StageGraph graph(doc);
  const auto &ins = doc.instructions();
  const std::string &src = doc.source();
  for (const auto &stage : graph.stages()) {
    for (size_t i = stage.from_instruction + 1; i < stage.end_instruction; ++i) {
      const Instruction &copy = ins[i];
      if (!volatile_copy(copy)) continue;
      bool whole = copy.args.size() == 2 && (copy.args[0].value == "." || copy.args[0].value == "./");
      // Consecutive COPYs move together, in their order.
      size_t last = i;
      while (!whole && last + 1 < stage.end_instruction && volatile_copy(ins[last + 1]) &&
             !(ins[last + 1].args.size() == 2 && (ins[last + 1].args[0].value == "." || ins[last + 1].args[0].value == "./"))) {
        ++last;
      }
      // Walk forward over steps that do not read the copy; remember the last stable one passed.
      std::optional<size_t> target;
      std::string stop;
      std::optional<size_t> manifest_run;
      std::vector<std::string> manifests;
      for (size_t j = last + 1; j < stage.end_instruction; ++j) {
        const Instruction &next = ins[j];
        if (next.is(InstructionKind::Run)) {
          RunView v = view_run(next);
          if (v.reads_context) {
            if (whole && !manifest_run) {
              auto m = run_manifests(next);
              if (!m.empty()) {
                manifest_run = j;
                manifests = m;
              }
            }
            stop = v.why;
            break;
          }
          if (v.stable) target = j;
          continue;
        }
        if (next.is(InstructionKind::Env) || next.is(InstructionKind::Arg) || next.is(InstructionKind::Label) ||
            next.is(InstructionKind::Expose) || next.is(InstructionKind::User) || next.is(InstructionKind::Maintainer) ||
            next.is(InstructionKind::Stopsignal) || next.is(InstructionKind::Healthcheck)) {
          continue;
        }
        stop = "the next " + std::string(syntax::keyword_name(next.kind)) + " depends on the order";
        break;
      }
      if (target) {
        // Move the COPY (its own lines, comments directly above stay where they are) after target.
        uint32_t from = with_comments(src, line_start(src, copy.line_range.start));
        uint32_t to = line_end(src, ins[last].range.end);
        uint32_t after = line_end(src, ins[*target].range.end);
        std::string text = src.substr(from, to - from);
        if (text.empty() || text.back() != '\n') text += "\n";
        std::string insert = text;
        if (after == src.size() && !src.empty() && src.back() != '\n') insert = "\n" + text.substr(0, text.size() - 1);
        result.fix.edits.push_back(edit::TextEdit{from, to, ""});
        result.fix.edits.push_back(edit::TextEdit{after, after, insert});
        result.moves.push_back(CopyMove{copy.range, true,
                                        "`" + std::string(doc.text(copy.line_range)) + "` moved after line " +
                                            std::to_string(ins[*target].start_line) + ": the steps it passes do not read what it copies"});
        for (size_t k = i + 1; k <= last; ++k) {
          result.moves.push_back(CopyMove{ins[k].range, true, "`" + std::string(doc.text(ins[k].line_range)) + "` moved with it"});
        }
        i = *target;  // nothing between may move twice
        continue;
      }
      if (manifest_run) {
        // COPY . . before `npm ci`: copy the manifests first, the rest after the install.
        const std::string &dest = copy.args.back().value;
        std::string kw = copy.keyword;
        std::string manifest_line = kw + " ";
        for (const auto &m : manifests) manifest_line += m + " ";
        manifest_line += dest + (!dest.empty() && dest.back() == '/' ? "" : "/") + "\n";
        uint32_t from = line_start(src, copy.line_range.start);
        uint32_t to = line_end(src, copy.range.end);
        uint32_t after = line_end(src, ins[*manifest_run].range.end);
        std::string text = src.substr(from, to - from);
        if (text.empty() || text.back() != '\n') text += "\n";
        result.fix.edits.push_back(edit::TextEdit{from, to, manifest_line});
        result.fix.edits.push_back(edit::TextEdit{after, after, text});
        result.moves.push_back(CopyMove{copy.range, true,
                                        "`" + std::string(doc.text(copy.line_range)) + "` split: manifests first, the rest after the dependency install on line " +
                                            std::to_string(ins[*manifest_run].start_line)});
        i = *manifest_run;
        continue;
      }
      if (!stop.empty()) {
        for (size_t k = i; k <= last; ++k) {
          result.moves.push_back(CopyMove{ins[k].range, false, "`" + std::string(doc.text(ins[k].line_range)) + "` stays: " + stop});
        }
      }
      i = last;
    }
  }
  std::sort(result.fix.edits.begin(), result.fix.edits.end(), [](const auto &a, const auto &b) { return a.start < b.start; });
  result.fix.title = "Move volatile COPYs after slow, stable steps";
  result.fix.applicability = edit::Applicability::Unsafe;  // changes layer order and caching
  return result;
}

}  // namespace msm::refactor
