#include "syntax/document.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "syntax/buildkit_args.h"
#include "syntax/logical_line.h"
#include "syntax/tree_walk.h"

namespace msm::syntax {

namespace {

constexpr std::array<std::pair<InstructionKind, std::string_view>, 18> k_keywords{{
    {InstructionKind::From, "FROM"},         {InstructionKind::Run, "RUN"},
    {InstructionKind::Cmd, "CMD"},           {InstructionKind::Label, "LABEL"},
    {InstructionKind::Maintainer, "MAINTAINER"}, {InstructionKind::Expose, "EXPOSE"},
    {InstructionKind::Env, "ENV"},           {InstructionKind::Add, "ADD"},
    {InstructionKind::Copy, "COPY"},         {InstructionKind::Entrypoint, "ENTRYPOINT"},
    {InstructionKind::Volume, "VOLUME"},     {InstructionKind::User, "USER"},
    {InstructionKind::Workdir, "WORKDIR"},   {InstructionKind::Arg, "ARG"},
    {InstructionKind::Onbuild, "ONBUILD"},   {InstructionKind::Stopsignal, "STOPSIGNAL"},
    {InstructionKind::Healthcheck, "HEALTHCHECK"}, {InstructionKind::Shell, "SHELL"},
}};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    char y = b[i];
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

std::string_view trim_blanks(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\v'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

Range node_range(TSNode node) { return {ts_node_start_byte(node), ts_node_end_byte(node)}; }

bool type_is(TSNode node, const char *type) { return std::strcmp(ts_node_type(node), type) == 0; }

// BuildKit limits physical lines to 64 KiB (bufio.Scanner's token size).
constexpr size_t k_max_line_length = 65535;

}  // namespace

std::string_view keyword_name(InstructionKind kind) {
  for (const auto &[k, name] : k_keywords) {
    if (k == kind) return name;
  }
  return "";
}

InstructionKind kind_from_keyword(std::string_view keyword) {
  for (const auto &[k, name] : k_keywords) {
    if (iequals(keyword, name)) return k;
  }
  return InstructionKind::Unknown;
}

const Flag *Instruction::flag(std::string_view name) const {
  const Flag *found = nullptr;
  for (const auto &f : flags) {
    if (f.name == name) found = &f;
  }
  return found;
}

Document::~Document() {
  if (m_tree) ts_tree_delete(m_tree);
}

TSNode Document::root() const { return ts_tree_root_node(m_tree); }

const Directive *Document::directive(std::string_view key) const {
  for (const auto &d : m_directives) {
    if (d.key == key) return &d;
  }
  return nullptr;
}

std::unique_ptr<Document> Document::parse(std::string source, std::string path) {
  return parse_with(std::move(source), std::move(path), nullptr);
}

std::unique_ptr<Document> Document::reparse(const Document &previous, std::string source,
                                             const std::vector<TSInputEdit> &edits) {
  TSTree *old_tree = ts_tree_copy(previous.m_tree);  // previous keeps its tree unedited
  for (const auto &e : edits) ts_tree_edit(old_tree, &e);
  auto doc = parse_with(std::move(source), previous.m_path, old_tree);
  ts_tree_delete(old_tree);
  return doc;
}

std::unique_ptr<Document> Document::parse_with(std::string source, std::string path, TSTree *old_tree) {
  std::unique_ptr<Document> doc(new Document());
  doc->m_path = std::move(path);
  doc->m_source = std::move(source);
  doc->m_lines = LineIndex(doc->m_source);
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_dockerfile());
  doc->m_tree = ts_parser_parse_string(parser, old_tree, doc->m_source.data(),
                                       static_cast<uint32_t>(doc->m_source.size()));
  ts_parser_delete(parser);
  doc->build();
  return doc;
}

void Document::read_directive(TSNode node) {
  Range range = node_range(node);
  while (range.end > range.start && (m_source[range.end - 1] == '\n' || m_source[range.end - 1] == '\r')) --range.end;
  std::string_view text = this->text(range);
  // "#", blanks, key, blanks, "=", blanks, value (the scanner only emits well-formed ones).
  size_t hash = text.find('#');
  std::string_view rest = text.substr(hash == std::string_view::npos ? 0 : hash + 1);
  size_t eq = rest.find('=');
  Directive d;
  std::string_view key = trim_blanks(rest.substr(0, eq));
  for (char c : key) d.key.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  d.value = std::string(trim_blanks(eq == std::string_view::npos ? std::string_view{} : rest.substr(eq + 1)));
  d.range = range;
  if (directive(d.key)) {
    m_problems.push_back({range, "only one " + d.key + " parser directive can be used"});
  } else if (d.key == "escape") {
    if (d.value == "`" || d.value == "\\") {
      m_escape = d.value[0];
    } else {
      m_problems.push_back({range, "invalid escape token '" + d.value + "' does not match ` or \\"});
    }
  }
  m_directives.push_back(std::move(d));
}

namespace {

void map_piece(const LogicalLine &line, const buildkit::Piece &piece, std::string &value, Range &range) {
  value = piece.value;
  range = line.source_range(piece.begin, piece.end);
}

void fill_from_logical(Instruction &ins, const LogicalLine &line, const buildkit::LogicalInstruction &li) {
  ins.keyword = li.keyword.value;
  ins.kind = kind_from_keyword(ins.keyword);
  ins.keyword_range = line.source_range(li.keyword.begin, li.keyword.end);
  ins.json = li.json;
  ins.flags.reserve(li.flags.size());
  for (const auto &p : li.flags) {
    Flag f;
    map_piece(line, p, f.raw, f.range);
    std::string_view body(f.raw);
    if (body.substr(0, 2) == "--") body.remove_prefix(2);
    size_t eq = body.find('=');
    f.name = std::string(body.substr(0, eq));
    if (eq != std::string_view::npos) f.value = std::string(body.substr(eq + 1));
    ins.flags.push_back(std::move(f));
  }
  ins.args.reserve(li.next.size());
  for (const auto &p : li.next) {
    Argument a;
    map_piece(line, p, a.value, a.range);
    ins.args.push_back(std::move(a));
  }
  if (li.error) ins.error = li.error;
  if (li.nested) {
    ins.trigger = std::make_unique<Instruction>();
    fill_from_logical(*ins.trigger, line, *li.nested);
    ins.trigger->original = line.text.substr(li.nested->keyword.begin);
    ins.trigger->range = ins.trigger->line_range =
        line.source_range(li.nested->keyword.begin, static_cast<uint32_t>(line.text.size()));
  }
}

}  // namespace

Instruction Document::read_instruction(TSNode node) {
  Instruction ins;
  ins.node = node;
  ins.range = node_range(node);

  // The instruction's own lines end where its first heredoc body starts.
  std::vector<TSNode> bodies;
  for_each_named_child(node, [&](TSNode child) {
    if (type_is(child, "heredoc_body")) bodies.push_back(child);
  });
  uint32_t line_end = bodies.empty() ? ins.range.end : ts_node_start_byte(bodies.front());
  while (line_end > ins.range.start && (m_source[line_end - 1] == '\n' || m_source[line_end - 1] == '\r')) {
    --line_end;
  }
  ins.line_range = {ins.range.start, line_end};

  LogicalLine line = join_lines(m_source, ins.line_range, m_escape);
  ins.original = line.text;
  if (line.empty_continuation_line) {
    m_warnings.push_back("Empty continuation line found in: " + line.text);
  }
  buildkit::LogicalInstruction li = buildkit::parse_logical_line(line.text, m_escape);
  fill_from_logical(ins, line, li);

  // Heredoc bodies come from the tree (where they end is lexical); their names, fds and
  // flags from BuildKit's reading of the markers.
  for (size_t i = 0; i < li.heredocs.size(); ++i) {
    const auto &m = li.heredocs[i];
    Heredoc h;
    h.name = m.name;
    h.fd = m.fd;
    h.expand = m.expand;
    h.chomp = m.chomp;
    h.marker = line.source_range(m.begin, m.end);
    if (i < bodies.size()) {
      TSNode body = bodies[i];
      h.body = {ts_node_start_byte(body), ts_node_start_byte(body)};
      h.terminated = false;
      for_each_named_child(body, [&](TSNode part) {
        if (type_is(part, "heredoc_content")) {
          h.body = node_range(part);
        } else if (type_is(part, "heredoc_end") && !ts_node_is_missing(part)) {
          h.terminator = node_range(part);
          h.terminated = true;
        }
      });
      h.content = std::string(text(h.body));
      if (!h.terminated) ins.error = "unterminated heredoc";
    } else {
      // The file ended on the instruction line: no body at all (the tree reports nothing).
      h.terminated = false;
      h.body = h.terminator = {ins.range.end, ins.range.end};
      ins.error = "unterminated heredoc";
    }
    ins.heredocs.push_back(std::move(h));
  }

  // Lines: the last consumed byte decides end_line (a terminator's newline belongs to it).
  uint32_t last = ins.line_range.end;
  if (!ins.heredocs.empty()) {
    const Heredoc &h = ins.heredocs.back();
    last = h.terminated ? h.terminator.end : h.body.end;
    while (last > h.body.start && (m_source[last - 1] == '\n' || m_source[last - 1] == '\r')) --last;
  }
  ins.start_line = m_lines.line_of(ins.range.start);
  ins.end_line = m_lines.line_of(last > ins.range.start ? last - 1 : ins.range.start);
  return ins;
}

void Document::collect_tree_errors(TSNode root) {
  walk_preorder(root, [&](TSNode node) {
    if (!ts_node_has_error(node)) return false;
    if (ts_node_is_missing(node)) {
      std::string type = ts_node_type(node);
      std::string message = type == "heredoc_end" ? "unterminated heredoc" : "missing " + type;
      m_problems.push_back({node_range(node), message});
      return false;
    }
    if (type_is(node, "ERROR")) {
      m_problems.push_back({node_range(node), "syntax error: cannot read this as an instruction"});
      return false;
    }
    return true;
  });
}

void Document::build() {
  std::vector<std::string> pending_comments;
  std::optional<uint32_t> continued_from;  // start line of top-level escape-only lines
  // A cursor, not ts_node_child(i): the latter walks the children from the start each time.
  TSTreeCursor cursor = ts_tree_cursor_new(root());
  bool more = ts_tree_cursor_goto_first_child(&cursor);
  for (; more; more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    TSNode child = ts_tree_cursor_current_node(&cursor);
    if (!ts_node_is_named(child)) continue;
    if (type_is(child, "parser_directive")) {
      read_directive(child);
    } else if (type_is(child, "comment")) {
      Range r = node_range(child);
      m_comments.push_back({std::string(text({r.start + 1, r.end})), r});
      // BuildKit: everything after the line's first byte, trimmed; a bare '#' resets.
      uint32_t line_start = m_lines.line_start(m_lines.line_of(r.start));
      std::string_view body = text({std::min(line_start + 1, r.end), r.end});
      auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; };
      while (!body.empty() && is_space(body.front())) body.remove_prefix(1);
      while (!body.empty() && is_space(body.back())) body.remove_suffix(1);
      if (body.empty()) {
        pending_comments.clear();
      } else {
        pending_comments.emplace_back(body);
      }
    } else if (type_is(child, "ERROR")) {
      collect_tree_errors(child);
    } else if (type_is(child, "line_continuation")) {
      // A line that is only the escape char starts the next instruction and adds nothing to it.
      if (!continued_from) continued_from = m_lines.line_of(node_range(child).start);
    } else {
      Instruction ins = read_instruction(child);
      if (continued_from) ins.start_line = std::min(ins.start_line, *continued_from);
      continued_from.reset();
      ins.prev_comment = std::move(pending_comments);
      pending_comments.clear();
      m_instructions.push_back(std::move(ins));
    }
  }
  ts_tree_cursor_delete(&cursor);
  // Errors nested inside instructions (missing tokens), and what BuildKit's parser rejects.
  for (const auto &ins : m_instructions) {
    collect_tree_errors(ins.node);
    if (ins.error) m_problems.push_back({ins.range, *ins.error});
  }

  if (m_instructions.empty()) m_problems.push_back({{0, 0}, "file with no instructions"});

  uint32_t line_start = 0;
  for (uint32_t i = 0; i <= m_source.size(); ++i) {
    if (i == m_source.size() || m_source[i] == '\n') {
      if (i - line_start > k_max_line_length) {
        m_problems.push_back({{line_start, i}, "dockerfile line greater than max allowed size of 65535"});
        break;
      }
      line_start = i + 1;
    }
  }
  std::stable_sort(m_problems.begin(), m_problems.end(),
                   [](const SyntaxProblem &a, const SyntaxProblem &b) { return a.range.start < b.range.start; });
}

}  // namespace msm::syntax
