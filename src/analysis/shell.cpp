#include "analysis/shell.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "syntax/tree_walk.h"

namespace msm::analysis::shell {

namespace {

std::string_view type_of(TSNode n) { return ts_node_type(n); }

Range range_of(TSNode n) { return Range{ts_node_start_byte(n), ts_node_end_byte(n)}; }

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// How deep statements and words may nest before the reader stops (a Problem says where).
// Real scripts stay under 20; 6,000 nested `$(` overflowed the stack.
constexpr size_t k_max_nesting = 200;

using syntax::for_each_child;
using syntax::for_each_named_child;

// tree-sitter 0.20.7 (Debian 12's runtime) double-frees when it deletes the tree of a script
// with 65,536 or more unclosed `(` or `{` (error recovery keeps them all on one level). Such
// text is refused before parsing: where the count of opening brackets not yet closed first
// passes the limit, or nullopt. Quotes and comments are not told apart: the count only ever
// overestimates, and no real script comes near it.
constexpr uint32_t k_max_unbalanced_openings = 32768;

std::optional<uint32_t> unbalanced_opening_past_limit(std::string_view text) {
  if (text.size() < k_max_unbalanced_openings) return std::nullopt;
  uint32_t open = 0;
  for (uint32_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(' || c == '{' || c == '[') {
      if (++open > k_max_unbalanced_openings) return i;
    } else if ((c == ')' || c == '}' || c == ']') && open > 0) {
      --open;
    }
  }
  return std::nullopt;
}

}  // namespace

bool Command::inside(std::string_view construct) const {
  for (const auto &c : context) {
    if (c == construct) return true;
  }
  return false;
}

// Walks the tree once and flattens it into commands; a friend so it can fill a Script.
class Reader {
 public:
  explicit Reader(Script &script) : m_script(script) {}

  void read_program(TSNode root) {
    collect_problems(root);
    std::vector<std::string> context;
    read_statements(root, context, m_script.m_commands);
  }

 private:
  std::string_view text(TSNode n) const { return m_script.text(range_of(n)); }

  void collect_problems(TSNode root) {
    syntax::walk_preorder(root, [&](TSNode n) {
      if (!ts_node_has_error(n)) return false;
      if (type_of(n) == "ERROR" || ts_node_is_missing(n)) {
        Problem p;
        p.range = range_of(n);
        p.line = m_script.line_of(p.range.start);
        p.message = ts_node_is_missing(n) ? std::string("missing ") + ts_node_type(n) : "cannot parse this shell text";
        m_script.m_problems.push_back(std::move(p));
        return false;
      }
      return true;
    });
  }

  // Every named child that is a statement, in order.
  void read_statements(TSNode parent, std::vector<std::string> &context, std::vector<Command> &out) {
    for_each_named_child(parent, [&](TSNode child) { read_statement(child, context, out, Connector::Sequence); });
  }

  // Statements and substitutions nest (`$( $( ... ) )`, subshells, if inside for...); reading
  // them recurses, so the depth is bounded: past k_max_nesting the text is not analysed and
  // one problem says so (checks skip scripts with problems, as they do unparsable ones).
  struct Nesting {
    size_t &depth;
    explicit Nesting(size_t &d) : depth(++d) {}
    ~Nesting() { --depth; }
  };
  bool too_deep(TSNode n) {
    if (m_depth <= k_max_nesting) return false;
    if (!m_reported_depth) {
      m_reported_depth = true;
      Problem p;
      p.range = range_of(n);
      p.line = m_script.line_of(p.range.start);
      p.message = "shell text nested more than " + std::to_string(k_max_nesting) +
                  " levels deep (command substitutions, subshells, compound commands): not analysed past this point";
      m_script.m_problems.push_back(std::move(p));
    }
    return true;
  }

  void read_statement(TSNode n, std::vector<std::string> &context, std::vector<Command> &out, Connector connector) {
    std::string_view type = type_of(n);
    if (type == "comment" || type == "heredoc_body" || type == "heredoc_end" || type == "heredoc_start") return;
    Nesting nesting(m_depth);
    if (too_deep(n)) return;
    if (type == "command") {
      Command c = read_command(n, context, connector);
      out.push_back(std::move(c));
    } else if (type == "variable_assignment" || type == "variable_assignments") {
      Command c = base_command(n, context, connector);
      if (type == "variable_assignment") {
        c.assignments.push_back(read_assignment(n));
      } else {
        for_each_named_child(n, [&](TSNode child) { c.assignments.push_back(read_assignment(child)); });
      }
      out.push_back(std::move(c));
    } else if (type == "declaration_command" || type == "unset_command") {
      Command c = base_command(n, context, connector);
      c.declaration = type == "declaration_command";
      // The keyword (export, local, readonly, unset) is an anonymous child.
      TSNode keyword = ts_node_child(n, 0);
      c.words.push_back(Word{std::string(text(keyword)), range_of(keyword), {}, {}});
      for_each_named_child(n, [&](TSNode child) {
        if (type_of(child) == "variable_assignment") {
          c.assignments.push_back(read_assignment(child));
        } else {
          c.words.push_back(read_word(child));
        }
      });
      out.push_back(std::move(c));
    } else if (type == "test_command") {
      Command c = base_command(n, context, connector);
      c.test = true;
      c.words.push_back(Word{std::string(text(n)), range_of(n), {}, {}});
      out.push_back(std::move(c));
    } else if (type == "list") {
      // `a && b || c`: left, operator, right; the right side is joined by the operator. Lists
      // nest to the left, list(list(a, &&, b), ||, c): the chain is read with a loop, innermost
      // first, so a long `&&` chain does not recurse as deep as it is long.
      std::vector<TSNode> chain{n};
      for (;;) {
        TSNode left = ts_node_named_child(chain.back(), 0);
        if (ts_node_is_null(left) || type_of(left) != "list") break;
        chain.push_back(left);
      }
      Connector next = connector;
      for (size_t k = chain.size(); k-- > 0;) {
        bool left_done = k + 1 < chain.size();  // its left operand is chain[k + 1], read already
        bool first = true;
        for_each_child(chain[k], [&](TSNode child) {
          if (!ts_node_is_named(child)) {
            std::string_view op = type_of(child);
            next = op == "&&" ? Connector::And : op == "||" ? Connector::Or : Connector::Sequence;
            return;
          }
          bool is_left = first;
          first = false;
          if (!(is_left && left_done)) read_statement(child, context, out, next);
        });
      }
    } else if (type == "pipeline") {
      size_t id = ++m_pipelines;
      size_t index = 0;
      for_each_named_child(n, [&](TSNode child) {
        size_t before = out.size();
        read_statement(child, context, out, index == 0 ? connector : Connector::Pipe);
        for (size_t k = before; k < out.size(); ++k) {
          if (out[k].pipeline == 0) {
            out[k].pipeline = id;
            out[k].pipe_index = index;
          }
        }
        ++index;
      });
    } else if (type == "redirected_statement") {
      size_t before = out.size();
      TSNode body = ts_node_child_by_field_name(n, "body", 4);
      if (!ts_node_is_null(body)) read_statement(body, context, out, connector);
      std::vector<Redirect> redirects;
      for_each_named_child(n, [&](TSNode child) {
        std::string_view ct = type_of(child);
        if (ct == "file_redirect" || ct == "heredoc_redirect" || ct == "herestring_redirect") {
          redirects.push_back(read_redirect(child));
        }
      });
      // Redirections of a compound statement apply to all of it; give them to its last command,
      // where a reader looks for `> file`.
      if (out.size() > before) {
        Command &last = out.back();
        for (auto &r : redirects) last.redirects.push_back(std::move(r));
        last.range.end = std::max(last.range.end, ts_node_end_byte(n));
      }
    } else if (type == "function_definition") {
      TSNode name = ts_node_child_by_field_name(n, "name", 4);
      TSNode body = ts_node_child_by_field_name(n, "body", 4);
      Function f;
      f.name = std::string(text(name));
      f.range = range_of(n);
      std::vector<std::string> inner{"function"};
      if (!ts_node_is_null(body)) read_statement(body, inner, f.body, Connector::Sequence);
      m_script.m_functions[f.name] = std::move(f);
    } else if (type == "if_statement" || type == "elif_clause") {
      context.push_back("if");
      TSNode condition = ts_node_child_by_field_name(n, "condition", 9);
      for_each_named_child(n, [&](TSNode child) {
        bool is_condition = !ts_node_is_null(condition) && ts_node_start_byte(child) < ts_node_start_byte(condition) + 1 &&
                            ts_node_end_byte(child) <= ts_node_end_byte(condition) &&
                            ts_node_start_byte(child) >= ts_node_start_byte(condition);
        if (is_condition) context.push_back("condition");
        read_statement(child, context, out, Connector::Sequence);
        if (is_condition) context.pop_back();
      });
      context.pop_back();
    } else if (type == "else_clause" || type == "do_group" || type == "compound_statement") {
      read_statements(n, context, out);
    } else if (type == "for_statement" || type == "c_style_for_statement" || type == "while_statement") {
      context.push_back(type == "while_statement" ? "while" : "for");
      for_each_named_child(n, [&](TSNode child) {
        std::string_view ct = type_of(child);
        if (ct == "do_group" || ct == "compound_statement" || type == "while_statement") read_statement(child, context, out, Connector::Sequence);
      });
      context.pop_back();
    } else if (type == "case_statement" || type == "case_item") {
      if (type == "case_statement") context.push_back("case");
      for_each_named_child(n, [&](TSNode child) {
        std::string_view ct = type_of(child);
        if (ct == "case_item") {
          read_statement(child, context, out, Connector::Sequence);
        } else if (type == "case_item" && ct != "word" && ct != "concatenation" && ct != "string" &&
                   ct != "raw_string" && ct != "extglob_pattern") {
          read_statement(child, context, out, Connector::Sequence);
        }
      });
      if (type == "case_statement") context.pop_back();
    } else if (type == "subshell" || type == "negated_command") {
      context.push_back(type == "subshell" ? "subshell" : "not");
      read_statements(n, context, out);
      context.pop_back();
    }
    // Anything else (arithmetic, bare words) runs nothing a driver reader needs.
  }

  Command base_command(TSNode n, const std::vector<std::string> &context, Connector connector) {
    Command c;
    c.range = range_of(n);
    c.line = m_script.line_of(c.range.start);
    c.connector = connector;
    c.context = context;
    return c;
  }

  Command read_command(TSNode n, const std::vector<std::string> &context, Connector connector) {
    Command c = base_command(n, context, connector);
    for_each_named_child(n, [&](TSNode child) {
      std::string_view ct = type_of(child);
      if (ct == "variable_assignment") {
        c.assignments.push_back(read_assignment(child));
      } else if (ct == "command_name") {
        TSNode inner = ts_node_named_child(child, 0);
        c.words.push_back(read_word(ts_node_is_null(inner) ? child : inner));
      } else if (ct == "file_redirect" || ct == "herestring_redirect") {
        c.redirects.push_back(read_redirect(child));
      } else if (ct == "subshell") {
        return;
      } else {
        append_word(c.words, read_word(child));
      }
    });
    return c;
  }

  // The shell splits words at blanks, and only there. tree-sitter-bash sometimes ends an argument
  // early (`$I:$TAG-slim` comes back as `$I:$` and `TAG-slim`); pieces with nothing between them
  // are one word, so its raw text is what was written.
  void append_word(std::vector<Word> &words, Word w) {
    if (words.empty() || words.back().range.end != w.range.start) {
      words.push_back(std::move(w));
      return;
    }
    Word &prev = words.back();
    // The reference the split cut in two: `$` ending one piece, the name starting the next.
    if (!prev.raw.empty() && prev.raw.back() == '$' && !w.raw.empty() && is_name_char(w.raw[0]) &&
        !(w.raw[0] >= '0' && w.raw[0] <= '9')) {
      size_t k = 0;
      while (k < w.raw.size() && is_name_char(w.raw[k])) ++k;
      prev.bare_references.push_back(w.raw.substr(0, k));
    }
    prev.range.end = w.range.end;
    prev.raw = std::string(m_script.text(prev.range));
    for (auto &s : w.substitutions) prev.substitutions.push_back(std::move(s));
    for (auto &r : w.bare_references) prev.bare_references.push_back(std::move(r));
  }

  Assignment read_assignment(TSNode n) {
    Assignment a;
    a.range = range_of(n);
    TSNode name = ts_node_child_by_field_name(n, "name", 4);
    TSNode value = ts_node_child_by_field_name(n, "value", 5);
    a.name = std::string(text(ts_node_is_null(name) ? n : name));
    if (!ts_node_is_null(value)) a.value = read_word(value);
    return a;
  }

  Redirect read_redirect(TSNode n) {
    Redirect r;
    r.range = range_of(n);
    for_each_child(n, [&](TSNode child) {
      std::string_view ct = type_of(child);
      if (ct == "file_descriptor") {
        r.fd = static_cast<uint32_t>(std::strtoul(std::string(text(child)).c_str(), nullptr, 10));
      } else if (!ts_node_is_named(child)) {
        if (r.op.empty()) r.op = std::string(ct);
      } else if (ct == "heredoc_body") {
        r.heredoc = std::string(text(child));
      } else if (ct == "heredoc_start" || ct == "heredoc_end") {
        return;
      } else if (!r.target) {
        r.target = read_word(child);
      }
    });
    return r;
  }

  Word read_word(TSNode n) {
    Word w;
    w.raw = std::string(text(n));
    w.range = range_of(n);
    scan_word(n, w);
    return w;
  }

  // Collects substitutions and bare references, without descending into substitutions' words.
  void scan_word(TSNode n, Word &w) {
    std::string_view type = type_of(n);
    Nesting nesting(m_depth);
    if (too_deep(n)) return;
    if (type == "command_substitution") {
      Substitution s;
      s.range = range_of(n);
      std::vector<std::string> context{"substitution"};
      read_statements(n, context, s.commands);
      w.substitutions.push_back(std::move(s));
      return;
    }
    if (type == "simple_expansion") {
      std::string_view t = text(n);
      if (t.size() > 1) w.bare_references.emplace_back(t.substr(1));
      return;
    }
    if (type == "expansion") {
      // `${X}` alone is bare; any operator (`:-`, `-`, `:+`, `#`, `%`, `/`...) is not.
      std::string_view t = text(n);
      if (t.size() > 3) {
        std::string_view inner = t.substr(2, t.size() - 3);
        size_t k = 0;
        while (k < inner.size() && is_name_char(inner[k])) ++k;
        if (k == inner.size() && k > 0) {
          w.bare_references.emplace_back(inner);
        } else if (k > 0 && k < inner.size()) {
          char op = inner[k];
          // `${X#p}` `${X%p}` `${X/p/r}` keep the value of X: still bare for our purpose.
          if (op == '#' || op == '%' || op == '/' || op == '^' || op == ',') w.bare_references.emplace_back(inner.substr(0, k));
        }
      }
      // Defaults may contain substitutions: `${ID:-$(cat cid)}`.
    }
    for_each_named_child(n, [&](TSNode child) { scan_word(child, w); });
  }

  Script &m_script;
  size_t m_pipelines = 0;
  size_t m_depth = 0;
  bool m_reported_depth = false;
};

std::unique_ptr<Script> Script::parse(std::string source) {
  std::unique_ptr<Script> script(new Script());
  if (source.size() >= 3 && source.compare(0, 3, "\xEF\xBB\xBF") == 0) source.replace(0, 3, "   ");
  script->m_source = std::move(source);
  script->m_lines = syntax::LineIndex(script->m_source);
  // One parser per thread, reused: a lint parses every RUN of a file, and creating a parser
  // (its stacks and lexer) per script cost more than parsing a short one.
  struct ParserHolder {
    TSParser *parser = ts_parser_new();
    ParserHolder() { ts_parser_set_language(parser, tree_sitter_bash()); }
    ~ParserHolder() { ts_parser_delete(parser); }
  };
  thread_local ParserHolder holder;
  ts_parser_reset(holder.parser);
  const std::optional<uint32_t> too_deep = unbalanced_opening_past_limit(script->m_source);
  // Text tree-sitter must not see is replaced by nothing: an empty program, one problem.
  std::string_view parsed = too_deep ? std::string_view() : std::string_view(script->m_source);
  TSTree *tree = ts_parser_parse_string(holder.parser, nullptr, parsed.data(), static_cast<uint32_t>(parsed.size()));
  if (too_deep) {
    Problem p;
    p.range = {*too_deep, *too_deep};
    p.line = script->m_lines.line_of(*too_deep);
    p.message = "shell text with more than " + std::to_string(k_max_unbalanced_openings) +
                " unclosed brackets: not analysed";
    script->m_problems.push_back(std::move(p));
  }
  // Everything is read out of the tree here, so it is freed at once: a Script costs only its
  // flattened commands, and a shared one holds no tree-sitter state another thread could touch.
  TSNode root = ts_tree_root_node(tree);
  Reader reader(*script);
  reader.read_program(root);
  for (uint32_t i = ts_node_named_child_count(root); i > 0; --i) {
    TSNode child = ts_node_named_child(root, i - 1);
    if (type_of(child) != "comment") {
      script->m_code_end = ts_node_end_byte(child);
      break;
    }
  }
  ts_tree_delete(tree);
  return script;
}

std::shared_ptr<const Script> Script::parse_shared(std::string source) {
  // Bounded by the script text it holds (the parsed commands are a small multiple of it); when
  // full it starts again empty, which costs one re-parse of each body still in use.
  constexpr size_t k_cache_bytes = 4 << 20;
  struct Cache {
    std::unordered_map<std::string, std::shared_ptr<const Script>> scripts;
    size_t bytes = 0;
  };
  thread_local Cache cache;
  auto it = cache.scripts.find(source);
  if (it != cache.scripts.end()) return it->second;
  if (cache.bytes + source.size() > k_cache_bytes) {
    cache.scripts.clear();
    cache.bytes = 0;
  }
  std::string key = source;
  std::shared_ptr<const Script> script = parse(std::move(source));
  cache.bytes += key.size();
  cache.scripts.emplace(std::move(key), script);
  return script;
}

Script::~Script() = default;

WordValue evaluate(const Word &word, const VariableLookup &lookup, const SubstitutionEval &substitute) {
  WordValue result;
  // Substitutions become synthetic variables, so one expander handles quotes, defaults and
  // substitutions inside double quotes alike.
  std::string text;
  std::map<std::string, std::optional<std::string>, std::less<>> synthetic;
  uint32_t pos = word.range.start;
  for (size_t i = 0; i < word.substitutions.size(); ++i) {
    const Substitution &s = word.substitutions[i];
    if (s.range.start < pos || s.range.end > word.range.end) continue;  // nested in a default
    text.append(word.raw, pos - word.range.start, s.range.start - pos);
    std::string name = "__msm_substitution_" + std::to_string(i);
    text += "${" + name + "}";
    std::optional<std::string> out = substitute ? substitute(s) : std::nullopt;
    if (!out) {
      result.dynamic = true;
      result.unknown.push_back("$(...)");
    }
    synthetic[name] = out ? *out : std::string();
    pos = s.range.end;
  }
  text.append(word.raw, pos - word.range.start, std::string::npos);

  for (const auto &name : word.bare_references) {
    if (name == "@" || name == "*" || name == "#" || name == "?" || name == "$" || name == "!") {
      if (name != "#" && name != "?" && !lookup(name)) {
        result.dynamic = true;
        result.unknown.push_back(name);
      }
      continue;
    }
    if (!lookup(name)) {
      result.dynamic = true;
      result.unknown.push_back(name);
    }
  }
  VariableLookup combined = [&](std::string_view name) -> std::optional<std::string> {
    auto it = synthetic.find(name);
    if (it != synthetic.end()) return it->second;
    return lookup(name);
  };
  // A backslash-newline never reaches here (tree-sitter ends the word); `~` at the start of an
  // unquoted word is the home directory.
  Expansion e = expand_word(text, combined, ExpansionOptions{});
  if (e.error) {
    result.dynamic = true;
    result.unknown.push_back(*e.error);
    result.value = word.raw;
    return result;
  }
  result.value = std::move(e.value);
  if (!word.raw.empty() && word.raw[0] == '~' && (word.raw.size() == 1 || word.raw[1] == '/')) {
    if (auto home = lookup("HOME")) result.value = *home + result.value.substr(1);
  }
  return result;
}

std::vector<WordValue> evaluate_all(const std::vector<Word> &words, const VariableLookup &lookup,
                                    const SubstitutionEval &substitute) {
  std::vector<WordValue> out;
  out.reserve(words.size());
  for (const auto &w : words) out.push_back(evaluate(w, lookup, substitute));
  return out;
}

}  // namespace msm::analysis::shell
