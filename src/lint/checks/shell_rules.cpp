// Walking RUN commands with their program, and reading GNU-style options, for the shell rules.

#include "lint/checks/shell_rules.h"

#include <algorithm>

#include "analysis/packages.h"

namespace msm::lint::checks::shell_rules {

namespace pk = analysis::packages;

namespace {

std::string_view base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// `command -v x`, `command -V x`: a lookup, not a run of x.
bool is_lookup(const analysis::shell::Command &c) {
  return c.words.size() >= 2 && c.words[0].raw == "command" && (c.words[1].raw == "-v" || c.words[1].raw == "-V");
}

// The wrappers packages::skip_wrappers looks through.
bool is_wrapper(std::string_view name) {
  static constexpr std::string_view k_wrappers[] = {"sudo", "env",  "nice",      "ionice", "nohup",  "command",
                                                    "exec", "time", "eatmydata", "xargs",  "timeout"};
  return std::find(std::begin(k_wrappers), std::end(k_wrappers), name) != std::end(k_wrappers);
}

}  // namespace

std::string CommandAt::text(size_t word) const { return pk::word_text(command().words[word]).text; }
bool CommandAt::dynamic(size_t word) const { return pk::word_text(command().words[word]).dynamic; }

syntax::Range CommandAt::word_range(size_t word) const { return script.source_range(command().words[word].range); }

syntax::Range CommandAt::words_range(size_t first, size_t last) const {
  const auto &words = command().words;
  return script.source_range({words[first].range.start, words[last].range.end});
}

void for_each_command(const Context &ctx, std::initializer_list<std::string_view> programs,
                      const std::function<void(const CommandAt &)> &fn) {
  auto wanted = [&](std::string_view name) {
    return std::find(programs.begin(), programs.end(), name) != programs.end();
  };
  for (const auto &run : ctx.runs()) {
    for (const auto &script : run.scripts) {
      for (const auto &rc : script.commands()) {
        const auto &c = *rc.command;
        if (c.words.empty()) continue;
        const std::string &first = c.words[0].raw;
        bool plain = first.find_first_of("'\"\\$") == std::string::npos;
        if (plain && !wanted(base_name(first)) && !is_wrapper(base_name(first))) continue;
        if (is_lookup(c)) continue;
        size_t program = pk::skip_wrappers(c);
        if (program >= c.words.size()) continue;
        std::string name(base_name(pk::word_text(c.words[program]).text));
        if (!wanted(name)) continue;
        fn(CommandAt{run, script, rc, program, std::move(name)});
      }
    }
  }
}

bool ParsedOptions::has(std::string_view name) const { return find(name) != nullptr; }

const ParsedOptions::Option *ParsedOptions::find(std::string_view name) const {
  for (const auto &o : options) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

syntax::Range ParsedOptions::range(const CommandAt &c, const Option &o) const {
  return c.words_range(o.word, o.value_word.value_or(o.word));
}

ParsedOptions parse_options(const CommandAt &c, const OptionSyntax &syntax) {
  ParsedOptions out;
  const auto &words = c.command().words;
  bool only_operands = false;
  for (size_t i = c.program + 1; i < words.size(); ++i) {
    std::string t = c.text(i);
    if (only_operands || t.size() < 2 || t[0] != '-') {
      out.operands.push_back(i);
      if (!syntax.options_after_operands) only_operands = true;
      continue;
    }
    if (t == "--") {
      only_operands = true;
      continue;
    }
    if (t[1] == '-') {
      size_t eq = t.find('=');
      std::string name = t.substr(0, eq);
      std::string value;
      std::optional<size_t> value_word;
      size_t word = i;
      if (eq != std::string::npos) {
        value = t.substr(eq + 1);
      } else if (std::find(syntax.long_with_value.begin(), syntax.long_with_value.end(), name) !=
                     syntax.long_with_value.end() &&
                 i + 1 < words.size()) {
        value_word = ++i;
        value = c.text(i);
      }
      out.options.push_back({std::move(name), std::move(value), word, value_word});
      continue;
    }
    size_t word = i;
    for (size_t k = 1; k < t.size(); ++k) {
      char letter = t[k];
      if (syntax.two_letter_prefixes.find(letter) != std::string_view::npos && k + 1 < t.size()) {
        out.options.push_back({std::string("-") + letter + t[k + 1], "", word, std::nullopt});
        ++k;
        continue;
      }
      if (syntax.short_with_value.find(letter) != std::string_view::npos) {
        std::string value = t.substr(k + 1);
        std::optional<size_t> value_word;
        if (value.empty() && i + 1 < words.size()) {
          value_word = ++i;
          value = c.text(i);
        }
        out.options.push_back({std::string("-") + letter, std::move(value), word, value_word});
        break;
      }
      out.options.push_back({std::string("-") + letter, "", word, std::nullopt});
    }
  }
  return out;
}

std::optional<edit::TextEdit> insert_after_word(const CommandAt &c, size_t word, std::string_view text) {
  const auto &w = c.command().words[word];
  if (!c.script.contiguous(w.range)) return std::nullopt;
  uint32_t at = c.script.source_range(w.range).end;
  return edit::TextEdit{at, at, std::string(text)};
}

}  // namespace msm::lint::checks::shell_rules
