#include "builder_pattern/driver_sources.h"

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "util/error.h"

namespace msm::builder_pattern {

namespace {

bool starts_with(const std::string &s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

}  // namespace

// --- Makefiles -------------------------------------------------------------------------------

namespace {

struct MakeRule {
  std::vector<std::string> prerequisites;
  std::vector<std::pair<uint32_t, std::string>> recipe;  // (line, text)
};

std::string trim(std::string s) {
  size_t a = s.find_first_not_of(" \t\r");
  size_t b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

class MakeReader {
 public:
  MakeReader(const std::string &text, const std::string &path) : m_path(path) { read(text); }

  DriverScript recipe(std::string target) {
    if (target.empty()) target = m_first_target;
    if (!m_rules.count(target)) throw Error(m_path + ": no target `" + target + "` (use --make-target with one of its targets)");
    DriverScript out;
    out.target = target;
    std::set<std::string> done;
    emit(target, out, done, 0);
    return out;
  }

 const std::vector<std::string> &targets() const { return m_order; }

 private:
  // ifdef/ifndef/ifeq/ifneq/else/endif: lines in a branch make would not take are skipped.
  // Variables make does not define here come from the environment: unknown, so undefined.
  struct Branch {
    bool active = true;  // this branch's lines are read
    bool taken = false;  // a branch of this conditional was taken already
    bool outer = true;   // the enclosing conditional is active
  };
  bool active() const { return m_branches.empty() || (m_branches.back().active && m_branches.back().outer); }

  bool condition(const std::string &t) const {
    std::stringstream ss(t);
    std::string word;
    ss >> word;
    std::string rest = trim(t.substr(word.size()));
    if (word == "ifdef" || word == "ifndef") {
      auto it = m_vars.find(rest);
      bool defined = it != m_vars.end() && !it->second.empty();
      return word == "ifdef" ? defined : !defined;
    }
    // ifeq (a,b) / ifeq "a" "b"
    std::string a, b;
    if (!rest.empty() && rest[0] == '(' && rest.back() == ')') {
      std::string inner = rest.substr(1, rest.size() - 2);
      size_t comma = inner.find(',');
      a = trim(inner.substr(0, comma));
      b = comma == std::string::npos ? "" : trim(inner.substr(comma + 1));
    } else {
      std::stringstream qs(rest);
      qs >> a >> b;
      auto unquote = [](std::string &v) {
        if (v.size() >= 2 && (v[0] == '"' || v[0] == '\'')) v = v.substr(1, v.size() - 2);
      };
      unquote(a);
      unquote(b);
    }
    bool equal = expand(a, "", 0) == expand(b, "", 0);
    return word == "ifeq" ? equal : !equal;
  }

  bool conditional_line(const std::string &t) {
    auto is = [&](std::string_view kw) { return t == kw || starts_with(t, std::string(kw) + " ") || starts_with(t, std::string(kw) + "\t"); };
    if (is("ifdef") || is("ifndef") || is("ifeq") || is("ifneq")) {
      Branch b;
      b.outer = active();
      b.active = b.outer && condition(t);
      b.taken = b.active;
      m_branches.push_back(b);
      return true;
    }
    if (is("else") && !m_branches.empty()) {
      Branch &b = m_branches.back();
      std::string rest = trim(t.substr(4));
      bool take = !b.taken && (rest.empty() || condition(rest));
      b.active = take;
      b.taken = b.taken || take;
      return true;
    }
    if (is("endif")) {
      if (!m_branches.empty()) m_branches.pop_back();
      return true;
    }
    return false;
  }

  void read(const std::string &text) {
    std::stringstream ss(text);
    std::string line;
    uint32_t n = 0;
    std::string current;
    std::string pending;
    uint32_t pending_line = 0;
    while (std::getline(ss, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!pending.empty() || (!line.empty() && line.back() == '\\' && line[0] != '\t')) {
        if (pending.empty()) pending_line = n;
        if (!line.empty() && line.back() == '\\') {
          pending += line.substr(0, line.size() - 1) + " ";
          continue;
        }
        line = pending + line;
        pending.clear();
      } else {
        pending_line = n;
      }
      if (!line.empty() && line[0] == '\t') {
        if (!current.empty() && active()) m_rules[current].recipe.emplace_back(n, line.substr(1));
        continue;
      }
      std::string t = trim(line);
      if (t.empty() || t[0] == '#') continue;
      if (conditional_line(t)) continue;
      if (!active()) continue;
      size_t assign = t.find('=');
      size_t colon = t.find(':');
      if (assign != std::string::npos && (colon == std::string::npos || colon >= assign - 1)) {
        // VAR = x, VAR := x, VAR ?= x, VAR += x
        std::string name = t.substr(0, assign);
        bool append = false, conditional = false;
        while (!name.empty() && (name.back() == ':' || name.back() == '?' || name.back() == '+' || name.back() == ' ')) {
          if (name.back() == '+') append = true;
          if (name.back() == '?') conditional = true;
          name.pop_back();
        }
        name = trim(name);
        if (starts_with(name, "export ")) name = trim(name.substr(7));
        std::string value = trim(t.substr(assign + 1));
        if (conditional && m_vars.count(name)) continue;
        if (append && m_vars.count(name)) m_vars[name] += " " + value;
        else m_vars[name] = value;
        current.clear();
        continue;
      }
      if (colon != std::string::npos) {
        std::string targets = t.substr(0, colon);
        std::string rest = t.substr(colon + 1);
        if (!rest.empty() && rest[0] == ':') rest = rest.substr(1);
        std::string inline_recipe;
        size_t semi = rest.find(';');
        if (semi != std::string::npos) {
          inline_recipe = rest.substr(semi + 1);
          rest = rest.substr(0, semi);
        }
        std::stringstream ts(targets);
        std::string name;
        current.clear();
        while (ts >> name) {
          if (name == ".PHONY" || name[0] == '.') continue;
          if (m_first_target.empty()) m_first_target = name;
          if (!m_rules.count(name)) m_order.push_back(name);
          std::stringstream ps(rest);
          std::string p;
          while (ps >> p) m_rules[name].prerequisites.push_back(p);
          if (!trim(inline_recipe).empty()) m_rules[name].recipe.emplace_back(pending_line, trim(inline_recipe));
          current = name;
        }
      }
    }
  }

  // $(VAR) ${VAR} $@ $$ ; $(shell ...) becomes a shell substitution.
  std::string expand(const std::string &s, const std::string &target, int depth) const {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '$' || i + 1 >= s.size()) {
        out += s[i];
        continue;
      }
      char n = s[i + 1];
      if (n == '$') {
        out += '$';
        ++i;
      } else if (n == '@') {
        out += target;
        ++i;
      } else if (n == '(' || n == '{') {
        char close = n == '(' ? ')' : '}';
        int level = 0;
        size_t j = i + 1;
        for (; j < s.size(); ++j) {
          if (s[j] == n) ++level;
          else if (s[j] == close && --level == 0) break;
        }
        std::string inner = s.substr(i + 2, j - i - 2);
        i = j;
        if (starts_with(inner, "shell ")) {
          out += "$(" + expand(inner.substr(6), target, depth + 1) + ")";
        } else if (inner == "MAKE") {
          out += "make";
        } else if (inner == "CURDIR" || inner == "PWD") {
          out += "$PWD";
        } else {
          auto it = m_vars.find(inner);
          if (it != m_vars.end() && depth < 16) out += expand(it->second, target, depth + 1);
          else if (inner == "DOCKER" || inner == "DOCKER_CMD" || inner == "DOCKER_BIN") out += "docker";  // the usual `DOCKER ?= docker` set outside
          else out += "${" + inner + "}";  // from the environment, as make would see it
        }
      } else {
        out += s[i];
      }
    }
    return out;
  }

  void emit(const std::string &target, DriverScript &out, std::set<std::string> &done, int depth) {
    if (done.count(target) || depth > 32) return;
    done.insert(target);
    auto it = m_rules.find(target);
    if (it == m_rules.end()) return;  // a file prerequisite
    for (const auto &p : it->second.prerequisites) emit(p, out, done, depth + 1);
    for (const auto &[line, text] : it->second.recipe) {
      std::string cmd = trim(text);
      while (!cmd.empty() && (cmd[0] == '@' || cmd[0] == '-' || cmd[0] == '+')) cmd = trim(cmd.substr(1));
      cmd = expand(cmd, target, 0);
      // `make other` / `$(MAKE) other` inside a recipe: inline the other target.
      if (starts_with(cmd, "make ")) {
        std::stringstream ss(cmd.substr(5));
        std::string word;
        bool inlined = false;
        while (ss >> word) {
          if (m_rules.count(word)) {
            emit(word, out, done, depth + 1);
            inlined = true;
          }
        }
        if (inlined) continue;
      }
      out.script += cmd + "\n";
      out.line_map.push_back(line);
    }
  }

  std::string m_path;
  std::map<std::string, MakeRule> m_rules;
  std::map<std::string, std::string> m_vars;
  std::string m_first_target;
  std::vector<std::string> m_order;
  std::vector<Branch> m_branches;
};

}  // namespace

namespace {

// `${{ github.sha }}` has no shell meaning; an unknown variable keeps values depending on it dynamic.
std::string replace_ci_expressions(const std::string &text, std::vector<std::string> &expressions) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t open = text.find("${{", pos);
    if (open == std::string::npos) break;
    size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    out += text.substr(pos, open - pos) + "${MSM_CI_EXPR_" + std::to_string(expressions.size()) + "}";
    expressions.push_back(text.substr(open, close + 2 - open));
    pos = close + 2;
  }
  return out + text.substr(pos);
}

void collect_ci_steps(const std::string &yaml, const YAML::Node &node, bool shell_key, DriverScript &out) {
  if (shell_key && node.IsScalar()) {
    std::string text = replace_ci_expressions(node.as<std::string>(), out.expressions);
    if (text.empty() || text.back() != '\n') text += "\n";
    // A block scalar (`run: |`) starts on the line after its indicator.
    YAML::Mark mark = node.Mark();
    bool block = mark.pos >= 0 && static_cast<size_t>(mark.pos) < yaml.size() && (yaml[static_cast<size_t>(mark.pos)] == '|' || yaml[static_cast<size_t>(mark.pos)] == '>');
    uint32_t line = static_cast<uint32_t>(mark.line + (block ? 2 : 1));
    for (char c : text) {
      if (c == '\n') out.line_map.push_back(line++);
    }
    out.script += text;
    return;
  }
  if (node.IsSequence()) {
    for (const auto &item : node) collect_ci_steps(yaml, item, shell_key, out);
  } else if (node.IsMap()) {
    for (const auto &kv : node) {
      std::string key = kv.first.IsScalar() ? kv.first.as<std::string>() : "";
      // GitHub `run:`, GitLab `script:`/`before_script:`, Travis `install:`/`script:`, CircleCI
      // `run: {command:}`, Drone/Woodpecker `commands:`.
      bool is_shell = key == "run" || key == "script" || key == "before_script" || key == "after_script" ||
                      key == "commands" || key == "command" || key == "sh" || key == "install" ||
                      key == "before_install" || key == "after_success";
      collect_ci_steps(yaml, kv.second, is_shell, out);
    }
  }
}

}  // namespace

DriverScript ci_recipe(const std::string &yaml, const std::string &path) {
  DriverScript out;
  try {
    YAML::Node root = YAML::Load(yaml);
    collect_ci_steps(yaml, root, false, out);
  } catch (const YAML::Exception &e) {
    throw Error(path + ": cannot read this CI configuration as YAML: " + e.what());
  }
  if (out.script.empty()) throw Error(path + ": no `run:` or `script:` steps in this CI configuration");
  return out;
}

DriverScript makefile_recipe(const std::string &makefile, std::string target, const std::string &path) {
  MakeReader reader(makefile, path);
  return reader.recipe(std::move(target));
}

std::vector<std::string> makefile_targets(const std::string &makefile, const std::string &path) {
  MakeReader reader(makefile, path);
  return reader.targets();
}


}  // namespace msm::builder_pattern

// --- Jenkinsfiles ------------------------------------------------------------------------------

namespace msm::builder_pattern {

namespace {

// A Groovy string literal at `i` ('…', "…", '''…''', """…"""), unescaped; nullopt when `i` is
// not at one. Advances `i` past it and counts the newlines it spans in `lines`. Groovy fills in
// `${…}` in double-quoted strings before the shell sees them: each becomes an unknown variable
// ${MSM_CI_EXPR_n}, its text kept in `expressions` (as for CI files' `${{ … }}`).
std::optional<std::string> groovy_string(const std::string &s, size_t &i, uint32_t &lines, std::vector<std::string> *expressions = nullptr) {
  if (i >= s.size() || (s[i] != '\'' && s[i] != '"')) return std::nullopt;
  char q = s[i];
  bool triple = s.compare(i, 3, std::string(3, q)) == 0;
  size_t j = i + (triple ? 3 : 1);
  std::string out;
  while (j < s.size()) {
    if (s[j] == '\\' && j + 1 < s.size()) {
      char n = s[j + 1];
      if (n == '\n') ++lines;
      // Groovy unescapes these; anything else keeps its backslash for the shell.
      if (n == q || n == '\\' || n == '$') out += n;
      else if (n == 'n') out += '\n';
      else out += std::string{'\\', n};
      j += 2;
      continue;
    }
    if (triple ? s.compare(j, 3, std::string(3, q)) == 0 : s[j] == q) {
      i = j + (triple ? 3 : 1);
      return out;
    }
    if (q == '"' && expressions && s.compare(j, 2, "${") == 0) {
      size_t close = s.find('}', j);
      if (close != std::string::npos && s.find('\n', j) > close) {
        out += "${MSM_CI_EXPR_" + std::to_string(expressions->size()) + "}";
        expressions->push_back(s.substr(j, close + 1 - j));
        j = close + 1;
        continue;
      }
    }
    if (s[j] == '\n') {
      if (!triple) return std::nullopt;
      ++lines;
    }
    out += s[j++];
  }
  return std::nullopt;
}

std::string single_quoted(const std::string &v) {
  std::string out = "'";
  for (char c : v) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool word_at(const std::string &s, size_t i, std::string_view w) {
  if (s.compare(i, w.size(), w) != 0) return false;
  bool before = i == 0 || !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_' || s[i - 1] == '.');
  size_t e = i + w.size();
  bool after = e >= s.size() || !(std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '_');
  return before && after;
}

class JenkinsReader {
 public:
  explicit JenkinsReader(const std::string &text) : m_s(text) {}

  DriverScript read() {
    size_t i = 0;
    while (i < m_s.size()) {
      char c = m_s[i];
      if (c == '\n') {
        ++m_line;
        ++i;
      } else if (m_s.compare(i, 2, "//") == 0) {
        while (i < m_s.size() && m_s[i] != '\n') ++i;
      } else if (m_s.compare(i, 2, "/*") == 0) {
        size_t e = m_s.find("*/", i + 2);
        e = e == std::string::npos ? m_s.size() : e + 2;
        for (size_t k = i; k < e; ++k) m_line += m_s[k] == '\n';
        i = e;
      } else if (c == '\'' || c == '"') {
        uint32_t lines = 0;
        if (!groovy_string(m_s, i, lines)) ++i;
        m_line += lines;
      } else if (c == '{') {
        ++m_depth;
        if (m_open_inside) {
          m_scopes.back().ends_at = m_depth - 1;
          m_open_inside = false;
        }
        ++i;
      } else if (c == '}') {
        --m_depth;
        while (!m_scopes.empty() && m_depth <= m_scopes.back().ends_at) m_scopes.pop_back();
        ++i;
      } else if (word_at(m_s, i, "sh")) {
        i = shell_step(i + 2);
      } else if (word_at(m_s, i, "docker.build")) {
        i = docker_build(i + 12);
      } else if (word_at(m_s, i, "docker.image")) {
        i = docker_image(i + 12);
      } else if (word_at(m_s, i, "agent")) {
        m_agent_depth = m_depth;
        ++i;
      } else if (m_agent_depth >= 0 && (word_at(m_s, i, "filename") || word_at(m_s, i, "image"))) {
        i = agent_setting(i);
      } else {
        ++i;
      }
    }
    return std::move(m_out);
  }

 private:
  struct Scope {
    std::string image;
    std::string args;
    int ends_at = 0;  // the scope ends when the brace depth drops to this
  };

  size_t skip_space(size_t i) const {
    while (i < m_s.size() && (m_s[i] == ' ' || m_s[i] == '\t' || m_s[i] == '(')) ++i;
    return i;
  }

  // Literal string arguments of a call at `i`, up to its `)`.
  std::vector<std::string> call_args(size_t &i) {
    std::vector<std::string> args;
    i = skip_space(i);
    while (i < m_s.size() && m_s[i] != ')' && m_s[i] != '\n' && m_s[i] != '{') {
      uint32_t lines = 0;
      if (auto v = groovy_string(m_s, i, lines, &m_out.expressions)) {
        args.push_back(*v);
        m_line += lines;
      } else {
        ++i;
      }
    }
    if (i < m_s.size() && m_s[i] == ')') ++i;
    return args;
  }

  void emit(const std::string &command, uint32_t line) {
    uint32_t n = line;
    for (size_t p = 0; p <= command.size();) {
      size_t e = command.find('\n', p);
      if (e == std::string::npos) e = command.size();
      m_out.script += command.substr(p, e - p) + "\n";
      m_out.line_map.push_back(n++);
      p = e + 1;
    }
  }

  size_t shell_step(size_t i) {
    uint32_t line = m_line;
    i = skip_space(i);
    if (m_s.compare(i, 7, "script:") == 0) i = skip_space(i + 7);
    uint32_t lines = 0;
    auto text = groovy_string(m_s, i, lines, &m_out.expressions);
    m_line += lines;
    if (!text) return i;
    std::string command = *text;
    while (!command.empty() && (command.back() == '\n' || command.back() == ' ')) command.pop_back();
    while (!command.empty() && command[0] == '\n') {
      command.erase(0, 1);
      ++line;
    }
    if (!m_scopes.empty()) {
      // A step inside a container: the workspace is bind-mounted there, as Jenkins does.
      const Scope &s = m_scopes.back();
      std::string joined;
      for (char c : command) joined += c == '\n' ? std::string("; ") : std::string(1, c);
      command = "docker run --rm -v \"$PWD\":/workspace -w /workspace " + (s.args.empty() ? "" : s.args + " ") + s.image +
                " sh -c " + single_quoted(joined);
    }
    emit(command, line);
    return i;
  }

  size_t docker_build(size_t i) {
    uint32_t line = m_line;
    auto args = call_args(i);
    if (args.empty()) return i;
    // Double quotes: a Groovy `${…}` in the tag stays a variable (unknown) for the interpreter.
    emit("docker build -t \"" + args[0] + "\" " + (args.size() > 1 ? args[1] : std::string(".")), line);
    return i;
  }

  size_t docker_image(size_t i) {
    auto args = call_args(i);
    if (args.empty()) return i;
    if (m_s.compare(i, 7, ".inside") == 0) {
      i += 7;
      auto inside = call_args(i);
      m_scopes.push_back(Scope{args[0], inside.empty() ? "" : inside[0], m_depth});
      m_open_inside = true;
    }
    return i;
  }

  // agent { docker { image 'x' } } / agent { dockerfile { filename 'Dockerfile.build' } }: the
  // stage's steps run in that container.
  size_t agent_setting(size_t i) {
    bool file = word_at(m_s, i, "filename");
    uint32_t line = m_line;
    i += file ? 8 : 5;
    i = skip_space(i);
    uint32_t lines = 0;
    auto v = groovy_string(m_s, i, lines);
    m_line += lines;
    if (!v) return i;
    std::string image = *v;
    if (file) {
      image = "msm-jenkins-agent-" + std::to_string(++m_agents);
      emit("docker build -t " + image + " -f " + single_quoted(*v) + " .", line);
    }
    // The agent block sits in the stage's block: the scope ends when that block closes.
    m_scopes.push_back(Scope{image, "", m_agent_depth - 1});
    m_agent_depth = -1;
    return i;
  }

  const std::string &m_s;
  DriverScript m_out;
  uint32_t m_line = 1;
  int m_depth = 0;
  int m_agent_depth = -1;
  int m_agents = 0;
  bool m_open_inside = false;
  std::vector<Scope> m_scopes;
};

}  // namespace

DriverScript jenkinsfile_recipe(const std::string &text, const std::string &path) {
  DriverScript out = JenkinsReader(text).read();
  if (out.script.empty()) throw Error(path + ": no `sh` steps or docker.build calls in this Jenkinsfile");
  return out;
}

}  // namespace msm::builder_pattern

// --- Windows batch files and PowerShell scripts -------------------------------------------------

namespace msm::builder_pattern {

DriverScript windows_script_recipe(const std::string &text, const std::string &path) {
  bool powershell = path.size() >= 4 && path.compare(path.size() - 4, 4, ".ps1") == 0;
  DriverScript out;
  std::stringstream ss(text);
  std::string line;
  uint32_t n = 0;
  while (std::getline(ss, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string t = line;
    size_t first = t.find_first_not_of(" \t");
    t = first == std::string::npos ? "" : t.substr(first);
    if (!powershell && !t.empty() && t[0] == '@') t = t.substr(1);
    std::string lower;
    for (char c : t) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Comments and console settings carry no build step.
    if (lower.rfind("rem ", 0) == 0 || lower == "rem" || lower.rfind("::", 0) == 0 || lower.rfind("echo off", 0) == 0 ||
        lower.rfind("setlocal", 0) == 0 || lower.rfind("pause", 0) == 0 || (powershell && !t.empty() && t[0] == '#')) {
      t.clear();
    }
    // cmd keywords are case-insensitive (`ECHO`, `Cd`): the shell reads them in lower case.
    static const std::set<std::string, std::less<>> k_cmd_builtins = {"echo", "cd", "set", "mkdir", "md", "rmdir", "rd", "del", "copy",
                                                                      "move", "exit", "pushd", "popd", "call", "cls", "title"};
    size_t word_end = t.find_first_of(" \t");
    std::string first_word = lower.substr(0, word_end == std::string::npos ? lower.size() : word_end);
    if (!powershell && k_cmd_builtins.count(first_word)) {
      if (first_word == "cls" || first_word == "title") t.clear();
      else t = first_word + t.substr(first_word.size());
    }
    std::string shell;
    for (size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      if (!powershell && c == '%') {
        size_t close = t.find('%', i + 1);
        if (close != std::string::npos && close > i + 1) {
          std::string name = t.substr(i + 1, close - i - 1);
          std::string upper;
          for (char ch : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
          shell += upper == "CD" ? std::string("$PWD") : "${" + name + "}";
          i = close;
          continue;
        }
      }
      if (powershell && t.compare(i, 5, "$env:") == 0) {
        size_t e = i + 5;
        while (e < t.size() && (std::isalnum(static_cast<unsigned char>(t[e])) || t[e] == '_')) ++e;
        shell += "${" + t.substr(i + 5, e - i - 5) + "}";
        i = e - 1;
        continue;
      }
      // `C:\Users\me\src\:/code`: a drive path, spelled the POSIX way (outside the project).
      if (std::isalpha(static_cast<unsigned char>(c)) && t.compare(i + 1, 2, ":\\") == 0 &&
          (i == 0 || t[i - 1] == ' ' || t[i - 1] == '"' || t[i - 1] == '=')) {
        shell += "/" + std::string(1, static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        ++i;  // the colon; the backslashes become slashes below
        for (++i; i < t.size() && t[i] != ' ' && t[i] != '"'; ++i) {
          if (t[i] == '\\') {
            if (i + 1 < t.size() && t[i + 1] == ':') continue;  // `dir\:/ctr`: the trailing separator
            shell += '/';
          } else {
            shell += t[i];
          }
        }
        --i;
        continue;
      }
      shell += c;
    }
    // `docker.exe` is docker; `^` (cmd) and a final backtick (PowerShell) continue a line.
    for (size_t p = shell.find("docker.exe"); p != std::string::npos; p = shell.find("docker.exe", p)) shell.replace(p, 10, "docker");
    if (!shell.empty() && (shell.back() == '^' || (powershell && shell.back() == '`'))) shell.back() = '\\';
    out.script += shell + "\n";
    out.line_map.push_back(n);
  }
  return out;
}

}  // namespace msm::builder_pattern
