#include "analysis/run_script.h"

#include <algorithm>
#include <cctype>

#include "syntax/logical_line.h"

namespace msm::analysis {

namespace {

using syntax::Instruction;
using syntax::InstructionKind;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_blanks(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string_view basename(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

ShellDialect dialect_of_name(std::string_view name) {
  std::string n = lower(basename(name));
  if (n.size() > 4 && n.compare(n.size() - 4, 4, ".exe") == 0) n.resize(n.size() - 4);
  if (n == "sh") return ShellDialect::Sh;
  if (n == "bash") return ShellDialect::Bash;
  if (n == "dash") return ShellDialect::Dash;
  if (n == "ash") return ShellDialect::Ash;
  if (n == "zsh") return ShellDialect::Zsh;
  if (n == "ksh" || n == "mksh" || n == "ksh93" || n == "pdksh") return ShellDialect::Ksh;
  if (n == "powershell" || n == "pwsh") return ShellDialect::PowerShell;
  if (n == "cmd") return ShellDialect::Cmd;
  return ShellDialect::Other;
}

// `set`'s and a shell's option words: `-e`, `+e`, `-o pipefail`, `-euxo pipefail`, `-ec`.
void apply_options(const std::vector<std::string> &args, ShellState &state) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    if (a.size() < 2 || (a[0] != '-' && a[0] != '+') || a == "--" || a[1] == '-') continue;
    bool on = a[0] == '-';
    bool takes_name = false;
    for (size_t k = 1; k < a.size(); ++k) {
      if (a[k] == 'e') state.errexit = on;
      else if (a[k] == 'o') takes_name = true;
    }
    if (takes_name && i + 1 < args.size()) {
      if (args[i + 1] == "pipefail") state.pipefail = on;
      else if (args[i + 1] == "errexit") state.errexit = on;
      ++i;
    }
  }
}

ShellSetting setting_from_argv(std::vector<std::string> argv) {
  ShellSetting s;
  s.argv = std::move(argv);
  s.dialect = s.argv.empty() ? ShellDialect::Other : dialect_of_interpreter(s.argv[0]);
  ShellState st;
  std::vector<std::string> options(s.argv.begin() + (s.argv.empty() ? 0 : 1), s.argv.end());
  apply_options(options, st);
  s.pipefail = st.pipefail;
  s.errexit = st.errexit;
  return s;
}

bool is_windows_image(std::string_view image) {
  std::string i = lower(image);
  return i.find("mcr.microsoft.com/windows") != std::string::npos || i.find("nanoserver") != std::string::npos ||
         i.find("servercore") != std::string::npos || i.find("microsoft/windowsservercore") != std::string::npos;
}

// `# hadolint shell=powershell` (or `# msmigrate shell=...`): the interpreter from there on.
struct Pragma {
  uint32_t at = 0;
  std::string shell;
};

std::vector<Pragma> shell_pragmas(const syntax::Document &doc) {
  std::vector<Pragma> out;
  for (const auto &c : doc.comments()) {
    std::string_view t = trim(c.text);
    std::string l = lower(t.substr(0, std::min<size_t>(t.size(), 10)));
    size_t skip = 0;
    if (l.rfind("hadolint", 0) == 0) skip = 8;
    else if (l.rfind("msmigrate", 0) == 0) skip = 9;
    else continue;
    std::string_view rest = trim(t.substr(skip));
    if (lower(rest.substr(0, std::min<size_t>(rest.size(), 6))) != "shell=") continue;
    std::string_view value = trim(rest.substr(6));
    if (size_t blank = value.find_first_of(" \t#"); blank != std::string_view::npos) value = value.substr(0, blank);
    if (!value.empty()) out.push_back({c.range.start, std::string(value)});
  }
  return out;
}

// Where the value of an argument starts in the logical line: its first source byte mapped back.
std::optional<uint32_t> logical_offset(const syntax::LogicalLine &line, uint32_t source_byte) {
  auto it = std::lower_bound(line.source_of.begin(), line.source_of.end(), source_byte);
  if (it == line.source_of.end() || *it != source_byte) return std::nullopt;
  return static_cast<uint32_t>(it - line.source_of.begin());
}

// A piece of the logical line as script text with its source map; when the line does not hold
// the value verbatim (it always should), every byte maps into the argument's range.
void append_logical(const syntax::LogicalLine &line, const syntax::Argument &arg, std::string &text,
                    std::vector<uint32_t> &map) {
  auto at = logical_offset(line, arg.range.start);
  if (at && line.text.compare(*at, arg.value.size(), arg.value) == 0) {
    text.append(arg.value);
    map.insert(map.end(), line.source_of.begin() + *at, line.source_of.begin() + *at + arg.value.size());
    return;
  }
  for (size_t i = 0; i < arg.value.size(); ++i) {
    map.push_back(std::min<uint32_t>(arg.range.start + static_cast<uint32_t>(i), arg.range.end));
  }
  text.append(arg.value);
}

void append_utf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// An exec-form argument decoded from its JSON string token in the logical line, each decoded
// byte mapped to the source byte it came from (an escape's bytes map to its backslash).
void append_json_string(const syntax::LogicalLine &line, const syntax::Argument &arg, std::string &text,
                        std::vector<uint32_t> &map, std::vector<uint32_t> &ends) {
  auto at = logical_offset(line, arg.range.start);
  std::string decoded;
  std::vector<uint32_t> decoded_map;
  std::vector<uint32_t> decoded_ends;
  bool ok = at && *at < line.text.size() && line.text[*at] == '"';
  if (ok) {
    size_t i = *at + 1;
    while (i < line.text.size() && line.text[i] != '"') {
      uint32_t src = line.source_of[i];
      size_t before = decoded.size();
      if (line.text[i] != '\\') {
        decoded += line.text[i++];
      } else if (i + 1 < line.text.size()) {
        char e = line.text[i + 1];
        i += 2;
        switch (e) {
          case 'n': decoded += '\n'; break;
          case 't': decoded += '\t'; break;
          case 'r': decoded += '\r'; break;
          case 'b': decoded += '\b'; break;
          case 'f': decoded += '\f'; break;
          case 'u': {
            uint32_t cp = 0;
            for (size_t k = 0; k < 4 && i < line.text.size(); ++k, ++i) {
              cp = cp * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(line.text[i]))
                                                       ? line.text[i] - '0'
                                                       : (std::tolower(static_cast<unsigned char>(line.text[i])) - 'a' + 10));
            }
            append_utf8(decoded, cp);
            break;
          }
          default: decoded += e;
        }
      } else {
        break;
      }
      decoded_map.insert(decoded_map.end(), decoded.size() - before, src);
      decoded_ends.insert(decoded_ends.end(), decoded.size() - before, line.source_of[i - 1] + 1);
    }
    ok = decoded == arg.value;
  }
  if (!ok) {
    decoded = arg.value;
    decoded_map.clear();
    decoded_ends.clear();
    for (size_t i = 0; i < arg.value.size(); ++i) {
      decoded_map.push_back(std::min<uint32_t>(arg.range.start + static_cast<uint32_t>(i), arg.range.end));
      decoded_ends.push_back(std::min<uint32_t>(decoded_map.back() + 1, arg.range.end));
    }
  }
  text += decoded;
  map.insert(map.end(), decoded_map.begin(), decoded_map.end());
  ends.insert(ends.end(), decoded_ends.begin(), decoded_ends.end());
}

std::vector<std::string> literal_words(const shell::Command &c, size_t from) {
  std::vector<std::string> out;
  for (size_t i = from; i < c.words.size(); ++i) {
    std::string w = c.words[i].raw;
    if (w.size() >= 2 && (w.front() == '"' || w.front() == '\'') && w.back() == w.front()) w = w.substr(1, w.size() - 2);
    out.push_back(std::move(w));
  }
  return out;
}

// A shell started on a heredoc (`bash <<EOF`, `sh -e <<EOF`): its dialect and options, unless it
// runs something else (`sh -c ...`, `bash script.sh`).
std::optional<std::pair<ShellDialect, ShellState>> shell_reading_stdin(const shell::Command &c) {
  if (c.words.empty()) return std::nullopt;
  ShellDialect d = dialect_of_interpreter(c.words[0].raw);
  if (!is_posix_like(d)) return std::nullopt;
  std::vector<std::string> args = literal_words(c, 1);
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    if (a == "-o" || a == "+o") {
      ++i;
      continue;
    }
    if (a == "-s" || a == "--") continue;
    if (a.size() >= 2 && (a[0] == '-' || a[0] == '+') && a[1] != '-') {
      if (a.find('c') != std::string::npos) return std::nullopt;
      continue;
    }
    if (a.rfind("--", 0) == 0) continue;  // --norc, --posix...
    return std::nullopt;                   // a script file operand
  }
  ShellState st;
  apply_options(args, st);
  return std::make_pair(d, st);
}

ShellState initial_state(const ShellSetting &s) {
  ShellState st;
  st.pipefail = s.pipefail;
  st.errexit = s.errexit;
  return st;
}

// The interpreter of a heredoc body's shebang line, if it has one.
std::optional<std::string> shebang(std::string_view body) {
  if (body.rfind("#!", 0) != 0) return std::nullopt;
  size_t nl = body.find('\n');
  return std::string(trim(body.substr(2, nl == std::string_view::npos ? std::string_view::npos : nl - 2)));
}

std::vector<uint32_t> contiguous_map(uint32_t start, size_t size) {
  std::vector<uint32_t> map(size);
  for (size_t i = 0; i < size; ++i) map[i] = start + static_cast<uint32_t>(i);
  return map;
}

// `<<EOF bash -e && x` is `bash -e <<EOF && x` to the shell, but tree-sitter-bash does not read a
// heredoc redirection before the command name: move the marker behind the first simple command,
// keeping every byte's source position.
void move_leading_marker(std::string_view marker, std::string &text, std::vector<uint32_t> &map) {
  size_t lead = text.find_first_not_of(" \t");
  if (lead == std::string::npos || marker.empty() || text.compare(lead, marker.size(), marker) != 0) return;
  size_t rest = text.find_first_not_of(" \t", lead + marker.size());
  if (rest == std::string::npos) return;
  size_t end = text.find_first_of("&|;\n", rest);
  if (end == std::string::npos) end = text.size();
  while (end > rest && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  std::string moved = text.substr(0, lead) + text.substr(rest, end - rest) + " " + std::string(marker) + text.substr(end);
  std::vector<uint32_t> moved_map(map.begin(), map.begin() + lead);
  moved_map.insert(moved_map.end(), map.begin() + rest, map.begin() + end);
  moved_map.push_back(map[lead + marker.size()]);  // the blank after the marker
  moved_map.insert(moved_map.end(), map.begin() + lead, map.begin() + lead + marker.size());
  moved_map.insert(moved_map.end(), map.begin() + end, map.end());
  text = std::move(moved);
  map = std::move(moved_map);
}

class RunReader {
 public:
  RunReader(const syntax::Document &doc, const Instruction &holder, const Instruction &run, const ShellSetting &shell,
            RunView &view)
      : m_doc(doc), m_holder(holder), m_run(run), m_shell(shell), m_view(view),
        m_line(syntax::join_lines(doc.source(), holder.line_range, doc.escape())) {}

  void read() {
    read_mounts();
    if (m_run.json) {
      read_exec_form();
    } else {
      read_shell_form();
    }
  }

 private:
  void read_mounts() {
    for (const auto &f : m_run.flags) {
      if (f.name != "mount" || !f.value) continue;
      std::string type = "bind";
      std::string target;
      std::string_view v = *f.value;
      while (!v.empty()) {
        size_t comma = v.find(',');
        std::string_view field = v.substr(0, comma);
        size_t eq = field.find('=');
        std::string key = lower(trim(field.substr(0, eq)));
        std::string_view value = eq == std::string_view::npos ? std::string_view() : trim(field.substr(eq + 1));
        if (key == "type") type = lower(value);
        else if (key == "target" || key == "dst" || key == "destination") target = std::string(value);
        if (comma == std::string_view::npos) break;
        v.remove_prefix(comma + 1);
      }
      if ((type == "cache" || type == "tmpfs") && !target.empty()) m_view.cache_mounts.push_back(target);
    }
  }

  void read_exec_form() {
    const auto &args = m_run.args;
    if (args.empty()) return;
    ShellDialect d = dialect_of_interpreter(args[0].value);
    if (!is_posix_like(d)) {
      m_view.skip_reason = "exec form runs `" + args[0].value + "`, not a POSIX shell";
      return;
    }
    bool c_seen = false;
    std::vector<std::string> options;
    for (size_t i = 1; i < args.size(); ++i) {
      const std::string &a = args[i].value;
      if (a == "-o" || a == "+o") {
        options.push_back(a);
        if (i + 1 < args.size()) options.push_back(args[++i].value);
        continue;
      }
      if (a.size() >= 2 && (a[0] == '-' || a[0] == '+') && a[1] != '-') {
        if (a.find('c') != std::string::npos) c_seen = true;
        options.push_back(a);
        continue;
      }
      if (a.rfind("--", 0) == 0) continue;
      if (!c_seen) {
        m_view.skip_reason = "exec form runs a script file";
        return;
      }
      ShellState st;
      apply_options(options, st);
      std::string text;
      std::vector<uint32_t> map;
      std::vector<uint32_t> ends;
      append_json_string(m_line, args[i], text, map, ends);
      m_view.scripts.emplace_back(RunScript::Origin::ExecForm, std::nullopt, d, std::move(text), std::move(map), st,
                                  std::move(ends));
      return;
    }
  }

  void read_shell_form() {
    if (m_run.args.empty()) return;
    const syntax::Argument &command = m_run.args[0];
    const auto &heredocs = m_holder.heredocs;

    // `RUN <<EOF`: the body is the script, run by its shebang's interpreter or the stage's shell.
    if (heredocs.size() == 1 && trim(command.value) == trim(m_doc.text(heredocs[0].marker))) {
      const syntax::Heredoc &h = heredocs[0];
      ShellSetting shell = m_shell;
      if (auto interpreter = shebang(h.content)) {
        shell = setting_from_argv(std::vector<std::string>(1, *interpreter));
        shell.dialect = dialect_of_interpreter(*interpreter);
        // `#!/bin/sh -e` options apply too.
        auto words = split_blanks(*interpreter);
        std::vector<std::string> options;
        size_t first = !words.empty() && basename(words[0]) == "env" ? 2 : 1;
        for (size_t i = first; i < words.size(); ++i) options.emplace_back(words[i]);
        ShellState st;
        apply_options(options, st);
        shell.pipefail = st.pipefail;
        shell.errexit = st.errexit;
        if (!is_posix_like(shell.dialect)) {
          m_view.skip_reason = "heredoc runs `" + *interpreter + "`, not a POSIX shell";
          return;
        }
      } else if (!is_posix_like(shell.dialect)) {
        m_view.skip_reason = "the stage's shell is " + std::string(to_string(shell.dialect));
        return;
      }
      m_view.scripts.emplace_back(RunScript::Origin::Heredoc, 0, shell.dialect, h.content,
                                  contiguous_map(h.body.start, h.content.size()), initial_state(shell));
      return;
    }

    if (!is_posix_like(m_shell.dialect)) {
      m_view.skip_reason = "the stage's shell is " + std::string(to_string(m_shell.dialect));
      return;
    }
    std::string text;
    std::vector<uint32_t> map;
    append_logical(m_line, command, text, map);
    if (!heredocs.empty()) move_leading_marker(m_doc.text(heredocs.front().marker), text, map);
    // The shell gets the heredoc bodies after the command line, as BuildKit passes them.
    if (!heredocs.empty()) {
      text += '\n';
      map.push_back(m_holder.line_range.end);
      uint32_t start = heredocs.front().body.start;
      const syntax::Heredoc &last = heredocs.back();
      uint32_t end = last.terminated ? last.terminator.end : last.body.end;
      if (end > start) {
        text.append(m_doc.source(), start, end - start);
        std::vector<uint32_t> tail = contiguous_map(start, end - start);
        map.insert(map.end(), tail.begin(), tail.end());
      }
    }
    m_view.scripts.emplace_back(RunScript::Origin::ShellForm, std::nullopt, m_shell.dialect, std::move(text),
                                std::move(map), initial_state(m_shell));

    // Heredocs a POSIX shell reads as its script: `bash <<EOF`, `RUN <<EOF sh -e`.
    size_t next_heredoc = 0;
    std::vector<std::pair<size_t, std::pair<ShellDialect, ShellState>>> body_scripts;
    for (const auto &rc : m_view.scripts.front().commands()) {
      if (rc.nested) continue;
      for (const auto &r : rc.command->redirects) {
        if (r.op != "<<" && r.op != "<<-") continue;
        size_t index = next_heredoc++;
        if (index >= heredocs.size() || (r.fd && *r.fd != 0)) continue;
        if (auto reader = shell_reading_stdin(*rc.command)) body_scripts.emplace_back(index, *reader);
      }
    }
    for (const auto &[index, how] : body_scripts) {
      const syntax::Heredoc &h = heredocs[index];
      m_view.scripts.emplace_back(RunScript::Origin::Heredoc, index, how.first, h.content,
                                  contiguous_map(h.body.start, h.content.size()), how.second);
    }
  }

  const syntax::Document &m_doc;
  const Instruction &m_holder;
  const Instruction &m_run;
  const ShellSetting &m_shell;
  RunView &m_view;
  syntax::LogicalLine m_line;
};

}  // namespace

std::string_view to_string(ShellDialect d) {
  switch (d) {
    case ShellDialect::Sh: return "sh";
    case ShellDialect::Bash: return "bash";
    case ShellDialect::Dash: return "dash";
    case ShellDialect::Ash: return "ash";
    case ShellDialect::Zsh: return "zsh";
    case ShellDialect::Ksh: return "ksh";
    case ShellDialect::PowerShell: return "powershell";
    case ShellDialect::Cmd: return "cmd";
    case ShellDialect::Other: return "other";
  }
  return "other";
}

bool is_posix_like(ShellDialect d) {
  return d == ShellDialect::Sh || d == ShellDialect::Bash || d == ShellDialect::Dash || d == ShellDialect::Ash ||
         d == ShellDialect::Zsh || d == ShellDialect::Ksh;
}

ShellDialect dialect_of_interpreter(std::string_view interpreter) {
  auto words = split_blanks(trim(interpreter));
  if (words.empty()) return ShellDialect::Other;
  size_t i = 0;
  if (basename(words[0]) == "env") {
    ++i;
    while (i < words.size() && words[i].size() > 1 && words[i][0] == '-') ++i;  // env -S
  }
  if (i < words.size() && basename(words[i]) == "busybox") {
    ++i;
    if (i < words.size() && (words[i] == "sh" || words[i] == "ash")) return ShellDialect::Ash;
    return ShellDialect::Other;
  }
  return i < words.size() ? dialect_of_name(words[i]) : ShellDialect::Other;
}

// RunScript ---------------------------------------------------------------------------------

RunScript::RunScript(Origin origin, std::optional<size_t> heredoc, ShellDialect dialect, std::string text,
                     std::vector<uint32_t> source_of, ShellState initial, std::vector<uint32_t> source_end_of)
    : m_origin(origin), m_dialect(dialect), m_heredoc(heredoc), m_source_of(std::move(source_of)),
      m_source_end_of(std::move(source_end_of)) {
  size_t size = text.size();
  m_source_of.resize(size);
  if (m_source_end_of.size() != size) {
    m_source_end_of.resize(size);
    for (size_t i = 0; i < size; ++i) m_source_end_of[i] = m_source_of[i] + 1;
  }
  m_source_of.push_back(size == 0 ? 0 : m_source_end_of.back());
  m_script = shell::Script::parse_shared(std::move(text));
  compute_commands(initial);
}

RunScript::RunScript(RunScript &&) noexcept = default;
RunScript &RunScript::operator=(RunScript &&) noexcept = default;
RunScript::~RunScript() = default;

void RunScript::compute_commands(ShellState initial) {
  ShellState state = initial;
  // Substitutions run where their command runs; nested `$(...)` inside them too.
  auto add_substitutions = [&](const shell::Command &c, const ShellState &st, auto &self) -> void {
    auto visit_words = [&](const std::vector<shell::Word> &words) {
      for (const auto &w : words) {
        for (const auto &s : w.substitutions) {
          for (const auto &inner : s.commands) {
            m_commands.push_back({&inner, st, true, std::nullopt});
            self(inner, st, self);
          }
        }
      }
    };
    visit_words(c.words);
    for (const auto &a : c.assignments) {
      if (!a.value) continue;
      for (const auto &s : a.value->substitutions) {
        for (const auto &inner : s.commands) {
          m_commands.push_back({&inner, st, true, std::nullopt});
          self(inner, st, self);
        }
      }
    }
  };
  for (const auto &c : m_script->commands()) {
    m_commands.push_back({&c, state, false, std::nullopt});
    add_substitutions(c, state, add_substitutions);
    bool in_subshell = c.inside("subshell");
    if (in_subshell) continue;
    if (c.name() == "set") apply_options(literal_words(c, 1), state);
    if (c.name() == "cd" || c.name() == "pushd") state.changed_directory = true;
  }
  m_final = state;
  for (const auto &[name, f] : m_script->functions()) {
    for (const auto &c : f.body) {
      m_commands.push_back({&c, m_final, true, std::nullopt});
      add_substitutions(c, m_final, add_substitutions);
    }
  }
  for (auto &rc : m_commands) {
    if (!rc.command->words.empty()) rc.invocation = packages::read_invocation(*rc.command);
  }
}

uint32_t RunScript::source_byte(uint32_t script_byte) const {
  if (script_byte >= m_source_of.size()) return m_source_of.back();
  return m_source_of[script_byte];
}

syntax::Range RunScript::source_range(shell::Range r) const {
  if (r.end <= r.start) {
    uint32_t at = source_byte(r.start);
    return {at, at};
  }
  uint32_t last = std::min<uint32_t>(r.end, static_cast<uint32_t>(m_source_end_of.size())) - 1;
  syntax::Range out{source_byte(r.start), m_source_end_of[last]};
  if (out.end <= out.start) {
    // Bytes moved for the parser (a leading heredoc marker): cover everything the range maps to.
    for (uint32_t i = r.start; i <= last; ++i) {
      out.start = std::min(out.start, m_source_of[i]);
      out.end = std::max(out.end, m_source_end_of[i]);
    }
  }
  return out;
}

bool RunScript::contiguous(shell::Range r) const {
  if (r.end > m_source_of.size() - 1) return false;
  for (uint32_t i = r.start; i < r.end; ++i) {
    if (m_source_end_of[i] != m_source_of[i] + 1) return false;
    if (i + 1 < r.end && m_source_of[i + 1] != m_source_of[i] + 1) return false;
  }
  return true;
}

// RunView ----------------------------------------------------------------------------------

bool RunView::cached(std::string_view path) const {
  auto strip = [](std::string_view p) {
    while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
    return p;
  };
  path = strip(path);
  for (const auto &m : cache_mounts) {
    std::string_view target = strip(m);
    if (path == target) return true;
    if (path.size() > target.size() && path.compare(0, target.size(), target) == 0 &&
        (path[target.size()] == '/' || target == "/")) {
      return true;
    }
  }
  return false;
}

std::vector<ShellSetting> initial_shells(const syntax::Document &doc, const StageGraph &graph) {
  const auto &stages = graph.stages();
  const auto &ins = doc.instructions();
  std::vector<ShellSetting> initial(stages.size());
  std::vector<ShellSetting> final_shell(stages.size());
  for (size_t s = 0; s < stages.size(); ++s) {
    const Stage &st = stages[s];
    if (st.base_stage && *st.base_stage < s) {
      initial[s] = final_shell[*st.base_stage];
    } else if (is_windows_image(st.base_expanded)) {
      initial[s] = setting_from_argv({"cmd", "/S", "/C"});
    }
    ShellSetting current = initial[s];
    for (size_t i = st.from_instruction + 1; i < st.end_instruction && i < ins.size(); ++i) {
      if (ins[i].is(InstructionKind::Shell) && ins[i].json && !ins[i].args.empty()) {
        std::vector<std::string> argv;
        for (const auto &a : ins[i].args) argv.push_back(a.value);
        current = setting_from_argv(std::move(argv));
        current.instruction = i;
      }
    }
    final_shell[s] = current;
  }
  return initial;
}

std::vector<RunView> read_runs(const syntax::Document &doc, const StageGraph &graph) {
  std::vector<RunView> out;
  const auto &ins = doc.instructions();
  std::vector<ShellSetting> initial = initial_shells(doc, graph);
  std::vector<Pragma> pragmas = shell_pragmas(doc);
  ShellSetting current;  // before the first FROM: the default shell
  std::optional<size_t> current_stage;
  for (size_t i = 0; i < ins.size(); ++i) {
    const Instruction &holder = ins[i];
    std::optional<size_t> stage = graph.stage_of(i);
    if (stage != current_stage) {
      current_stage = stage;
      current = stage && *stage < initial.size() ? initial[*stage] : ShellSetting{};
    }
    if (holder.is(InstructionKind::Shell) && holder.json && !holder.args.empty()) {
      std::vector<std::string> argv;
      for (const auto &a : holder.args) argv.push_back(a.value);
      current = setting_from_argv(std::move(argv));
      current.instruction = i;
      continue;
    }
    const Instruction *run = nullptr;
    if (holder.is(InstructionKind::Run)) run = &holder;
    else if (holder.is(InstructionKind::Onbuild) && holder.trigger && holder.trigger->is(InstructionKind::Run)) run = holder.trigger.get();
    if (!run) continue;

    RunView view;
    view.instruction = i;
    view.run = run;
    view.holder = &holder;
    view.onbuild = run != &holder;
    view.stage = stage;
    view.shell = current;
    // A shell pragma written after the stage's SHELL (or with none) decides.
    for (auto it = pragmas.rbegin(); it != pragmas.rend(); ++it) {
      if (it->at >= holder.range.start) continue;
      uint32_t shell_at = current.instruction ? ins[*current.instruction].range.start : 0;
      if (!current.instruction || it->at > shell_at) {
        view.shell = setting_from_argv({it->shell});
        view.shell.from_pragma = true;
      }
      break;
    }
    RunReader(doc, holder, *run, view.shell, view).read();
    out.push_back(std::move(view));
  }
  return out;
}

}  // namespace msm::analysis
