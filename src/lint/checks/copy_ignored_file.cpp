// MSM1022 (BuildKit CopyIgnoredFile): COPY/ADD of a source that .dockerignore excludes, so the
// build fails or silently copies less than the author meant.

#include <algorithm>
#include <fstream>
#include <sstream>

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

struct Pattern {
  std::string glob;
  bool negate = false;
};

// Go's filepath.Match plus `**` (any number of path components), as Docker's patternmatcher.
bool glob_match(std::string_view p, std::string_view s) {
  if (p.empty()) return s.empty();
  if (p.substr(0, 2) == "**") {
    std::string_view rest = p.substr(2);
    if (!rest.empty() && rest[0] == '/') rest.remove_prefix(1);
    for (size_t i = 0; i <= s.size(); ++i) {
      if ((i == 0 || s[i - 1] == '/' || rest.empty()) && glob_match(rest, s.substr(i))) return true;
    }
    return false;
  }
  if (p[0] == '*') {
    for (size_t i = 0; i <= s.size(); ++i) {
      if (glob_match(p.substr(1), s.substr(i))) return true;
      if (i < s.size() && s[i] == '/') break;
    }
    return false;
  }
  if (s.empty()) return false;
  if (p[0] == '?') return s[0] != '/' && glob_match(p.substr(1), s.substr(1));
  if (p[0] == '[') {
    size_t close = p.find(']', 1);
    if (close == std::string_view::npos) return false;
    std::string_view set = p.substr(1, close - 1);
    bool negate = !set.empty() && (set[0] == '^' || set[0] == '!');
    if (negate) set.remove_prefix(1);
    bool hit = false;
    for (size_t i = 0; i < set.size(); ++i) {
      if (i + 2 < set.size() && set[i + 1] == '-') {
        if (s[0] >= set[i] && s[0] <= set[i + 2]) hit = true;
        i += 2;
      } else if (set[i] == s[0]) {
        hit = true;
      }
    }
    return hit != negate && glob_match(p.substr(close + 1), s.substr(1));
  }
  if (p[0] == '\\' && p.size() > 1) return p[1] == s[0] && glob_match(p.substr(2), s.substr(1));
  return p[0] == s[0] && glob_match(p.substr(1), s.substr(1));
}

std::string clean(std::string_view path) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t slash = path.find('/', i);
    std::string_view part = path.substr(i, slash == std::string_view::npos ? std::string_view::npos : slash - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.emplace_back(part);
    }
    if (slash == std::string_view::npos) break;
    i = slash + 1;
  }
  std::string out;
  for (const auto &p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

bool excluded(const std::vector<Pattern> &patterns, const std::string &path) {
  bool result = false;
  for (const auto &pat : patterns) {
    // A pattern matching a parent directory excludes everything below it.
    bool hit = glob_match(pat.glob, path);
    for (size_t slash = path.find('/'); !hit && slash != std::string::npos; slash = path.find('/', slash + 1)) {
      hit = glob_match(pat.glob, std::string_view(path).substr(0, slash));
    }
    if (hit) result = !pat.negate;
  }
  return result;
}

bool root_ignored(const std::vector<Pattern> &patterns) {
  // With an exclusion (`!name`) some of the root is copied after all.
  if (std::any_of(patterns.begin(), patterns.end(), [](const Pattern &p) { return p.negate; })) return false;
  return std::any_of(patterns.begin(), patterns.end(), [](const Pattern &p) {
    return !p.negate && (p.glob == "*" || p.glob == "**" || p.glob == "**/*");
  });
}

}  // namespace

void copy_ignored_file(Context &ctx) {
  if (!ctx.directory()) return;
  // BuildKit reads `<Dockerfile name>.dockerignore` beside the Dockerfile in preference.
  std::string own = std::filesystem::path(ctx.doc().path()).filename().string() + ".dockerignore";
  std::ifstream in(*ctx.directory() / own);
  if (!in) in.open(*ctx.directory() / ".dockerignore");
  if (!in) return;
  std::vector<Pattern> patterns;
  std::string line;
  while (std::getline(in, line)) {
    std::string_view t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    Pattern p;
    if (t[0] == '!') {
      p.negate = true;
      t = trim(t.substr(1));
    }
    p.glob = clean(t);
    if (!p.glob.empty()) patterns.push_back(std::move(p));
  }
  if (patterns.empty()) return;
  using K = syntax::InstructionKind;
  for (const auto &ins : ctx.doc().instructions()) {
    if (!(ins.is(K::Copy) || ins.is(K::Add)) || ins.flag("from") || ins.args.size() < 2) continue;
    for (size_t i = 0; i + 1 < ins.args.size(); ++i) {
      const std::string &src = ins.args[i].value;
      if (src.rfind("<<", 0) == 0 || src.find("://") != std::string::npos || src.find('$') != std::string::npos) continue;
      if (src.rfind("git@", 0) == 0) continue;
      std::string path = clean(src);
      if (src.find_first_of("*?[") != std::string::npos) continue;
      // `.` and `/` are the context root, which no pattern names: BuildKit reports them only
      // when a pattern excludes every entry of the root.
      bool ignored = path.empty() ? root_ignored(patterns) : excluded(patterns, path);
      if (ignored) {
        ctx.report(ins.args[i].range,
                   "Attempting to " + upper(ins.keyword) + " file `" + (path.empty() ? std::string(".") : src) +
                       "` that is excluded by .dockerignore");
      }
    }
  }
}

}  // namespace msm::lint::checks
