#include "formatter/format.h"

#include <algorithm>
#include <cstring>

#include "syntax/buildkit_args.h"
#include "syntax/logical_line.h"
#include "syntax/tree_walk.h"
#include "util/error.h"

namespace msm::formatter {

namespace {

using edit::TextEdit;
using syntax::Document;
using syntax::Instruction;
using syntax::InstructionKind;
using syntax::Range;
namespace buildkit = syntax::buildkit;

// A formatted result is re-formatted until nothing changes, so one call is idempotent even where
// an edit only becomes acceptable once another was made; in practice the second round is empty.
constexpr int k_max_rounds = 4;
constexpr unsigned k_max_continuation_indent = 16;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = ascii_upper(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ascii_upper(a[i]) != ascii_upper(b[i])) return false;
  }
  return true;
}

// --- What must not change ----------------------------------------------------------------------
// Casing the formatter may change is folded away: keywords (the Dump lower-cases them) and FROM's
// `AS`. HEALTHCHECK's `cmd` is not changed: BuildKit's parser keeps it as the node's value.

bool is_as_word(const std::vector<buildkit::Piece> &next) { return next.size() == 3 && iequals(next[1].value, "as"); }

void fold_allowed_casing(buildkit::LogicalInstruction &li) {
  std::string keyword = buildkit::go_to_lower(li.keyword.value);
  if (keyword == "from" && is_as_word(li.next)) li.next[1].value = "AS";
  if (li.nested) fold_allowed_casing(*li.nested);
}

// Everything BuildKit's parser reports for one logical line except `original` and line numbers.
std::string parse_key(buildkit::LogicalInstruction li, bool empty_continuation_line) {
  fold_allowed_casing(li);
  std::string key = buildkit::dump_line(li);
  for (const buildkit::LogicalInstruction *p = &li; p; p = p->nested.get()) key += p->json ? " json" : " words";
  for (const auto &h : li.heredocs) {
    key += " <<" + buildkit::go_quote(h.name) + ":" + std::to_string(h.fd) + (h.expand ? "e" : "") + (h.chomp ? "c" : "");
  }
  if (li.error) key += " error:" + *li.error;
  if (empty_continuation_line) key += " empty-continuation";
  return key;
}

// Whether the region's last line ends in a continuation: an edit must not make an instruction
// swallow the line after it (an unknown keyword's value would not show it).
bool last_line_continues(std::string_view text, char escape) {
  size_t start = text.rfind('\n');
  std::string_view line = text.substr(start == std::string_view::npos ? 0 : start + 1);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
  return !line.empty() && line.back() == escape && (line.size() == 1 || line[line.size() - 2] != escape);
}

std::string parse_key_of_region(std::string_view text, char escape) {
  syntax::LogicalLine line = syntax::join_lines(text, {0, static_cast<uint32_t>(text.size())}, escape);
  return parse_key(buildkit::parse_logical_line(line.text, escape), line.empty_continuation_line) +
         (last_line_continues(text, escape) ? " continued" : "");
}

std::string folded_value(const Instruction &ins, size_t i) {
  const std::string &v = ins.args[i].value;
  if (ins.is(InstructionKind::From) && ins.args.size() == 3 && i == 1 && iequals(v, "as")) return "AS";
  return v;
}

std::optional<std::string> instruction_difference(const Instruction &a, const Instruction &b) {
  if (!iequals(a.keyword, b.keyword) || a.kind != b.kind) return "keyword `" + a.keyword + "` became `" + b.keyword + "`";
  if (a.flags.size() != b.flags.size()) return std::string("the flags changed");
  for (size_t i = 0; i < a.flags.size(); ++i) {
    if (a.flags[i].raw != b.flags[i].raw) return "flag `" + a.flags[i].raw + "` became `" + b.flags[i].raw + "`";
  }
  if (a.args.size() != b.args.size()) return std::string("the number of arguments changed");
  for (size_t i = 0; i < a.args.size(); ++i) {
    if (folded_value(a, i) != folded_value(b, i)) return "argument `" + a.args[i].value + "` became `" + b.args[i].value + "`";
  }
  if (a.json != b.json) return std::string("the exec (JSON) form changed");
  if (a.heredocs.size() != b.heredocs.size()) return std::string("the heredocs changed");
  for (size_t i = 0; i < a.heredocs.size(); ++i) {
    const auto &x = a.heredocs[i];
    const auto &y = b.heredocs[i];
    if (x.name != y.name || x.fd != y.fd || x.expand != y.expand || x.chomp != y.chomp || x.content != y.content ||
        x.terminated != y.terminated) {
      return "heredoc `" + x.name + "` changed";
    }
  }
  if (a.error != b.error) return std::string("the parser's error changed");
  if (a.start_line != b.start_line || a.end_line != b.end_line) return std::string("its lines moved");
  if (a.prev_comment != b.prev_comment) return std::string("the comments above it changed");
  if (bool(a.trigger) != bool(b.trigger)) return std::string("the ONBUILD trigger changed");
  if (a.trigger) return instruction_difference(*a.trigger, *b.trigger);
  return std::nullopt;
}

// --- Proposed edits ----------------------------------------------------------------------------

enum class TokenKind { Other, OpenBracket, CloseBracket, Comma };

struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::Other;
};

// The instruction's tokens in source order. Shell text (RUN's command, USER's value...) is one
// token: its inner spacing is the command BuildKit passes on. Heredoc bodies are not visited.
void collect_tokens(TSNode node, std::vector<Token> &out) {
  syntax::walk_preorder(node, [&](TSNode n) {
    const char *type = ts_node_type(n);
    bool skip = std::strcmp(type, "heredoc_body") == 0 || std::strcmp(type, "line_continuation") == 0 ||
                ts_node_is_missing(n);
    bool atomic = std::strcmp(type, "shell_command") == 0 || std::strcmp(type, "text") == 0 ||
                  std::strcmp(type, "json_string") == 0;
    if (!skip && (atomic || ts_node_child_count(n) == 0)) {
      Token t{ts_node_start_byte(n), ts_node_end_byte(n), TokenKind::Other};
      if (std::strcmp(type, "[") == 0) t.kind = TokenKind::OpenBracket;
      if (std::strcmp(type, "]") == 0) t.kind = TokenKind::CloseBracket;
      if (std::strcmp(type, ",") == 0) t.kind = TokenKind::Comma;
      if (t.start != t.end) out.push_back(t);
    }
    return !skip && !atomic;
  });
}

struct Proposal {
  std::vector<TextEdit> checked;  // inside instructions: kept only where the parse is unchanged
  std::vector<TextEdit> free;     // outside instructions (blank lines, comment ends): cannot change a value
};

void propose(std::vector<TextEdit> &out, std::string_view source, uint32_t start, uint32_t end, std::string content) {
  if (source.substr(start, end - start) != content) out.push_back({start, end, std::move(content)});
}

void propose_keyword_casing(const Document &doc, const Instruction &ins, std::vector<TextEdit> &out) {
  auto upper_if_plain = [&](Range r, std::string_view value) {
    // Only where the source spells the value plainly (no continuation inside the word).
    if (doc.text(r) != value) return;
    propose(out, doc.source(), r.start, r.end, ascii_upper(value));
  };
  if (ins.kind != InstructionKind::Unknown) upper_if_plain(ins.keyword_range, ins.keyword);
  if (ins.is(InstructionKind::From) && ins.args.size() == 3 && iequals(ins.args[1].value, "as")) {
    upper_if_plain(ins.args[1].range, ins.args[1].value);
  }
  if (ins.trigger) propose_keyword_casing(doc, *ins.trigger, out);
}

// One space between words on a line; exec form as `["a", "b"]`.
void propose_token_spacing(const Document &doc, const Instruction &ins, std::vector<TextEdit> &out) {
  std::vector<Token> tokens;
  collect_tokens(ins.node, tokens);
  std::string_view source = doc.source();
  for (size_t i = 1; i < tokens.size(); ++i) {
    const Token &a = tokens[i - 1];
    const Token &b = tokens[i];
    if (b.start < a.end) continue;
    std::string_view gap = source.substr(a.end, b.start - a.end);
    if (!std::all_of(gap.begin(), gap.end(), is_blank)) continue;  // a line break, or other blanks
    std::string wanted = " ";
    if (a.kind == TokenKind::OpenBracket || b.kind == TokenKind::CloseBracket || b.kind == TokenKind::Comma) wanted = "";
    if (gap.empty() && a.kind != TokenKind::Comma) continue;  // never split what is written as one word
    propose(out, source, a.end, b.start, wanted);
  }
}

// Lines of the instruction (heredoc bodies excluded), classified exactly as BuildKit joins them:
// continuation lines get the configured indent, blanks around the escape character are
// normalised, comment lines inside are indented like the lines they sit between, blank lines
// inside are emptied, trailing blanks go.
void propose_line_layout(const Document &doc, const Instruction &ins, const Options &options, std::vector<TextEdit> &out,
                         std::vector<TextEdit> &indents) {
  std::string_view source = doc.source();
  const char escape = doc.escape();
  const std::string indent(options.continuation_indent, ' ');
  uint32_t end = ins.line_range.end;
  uint32_t pos = ins.range.start;
  bool first = true;
  while (pos <= end) {
    size_t nl = source.find('\n', pos);
    uint32_t line_end = nl == std::string_view::npos || nl > end ? end : static_cast<uint32_t>(nl);
    uint32_t content_end = line_end;
    while (content_end > pos && (source[content_end - 1] == '\r' || source[content_end - 1] == '\n')) --content_end;
    std::string_view line = source.substr(pos, content_end - pos);
    uint32_t next = line_end + 1;
    uint32_t blanks = 0;  // leading [ \t]
    while (blanks < line.size() && is_blank(line[blanks])) ++blanks;
    if (!first) {
      size_t lead = syntax::skip_unicode_space(line, 0);
      if (lead < line.size() && line[lead] == '#') {
        // Dropped by BuildKit; indented with the lines around it, its own trailing blanks go.
        if (lead == blanks) propose(indents, source, pos, pos + blanks, indent);
        uint32_t k = content_end;
        while (k > pos + lead && is_blank(source[k - 1])) --k;
        propose(out, source, k, content_end, "");
        pos = next;
        continue;
      }
      if (lead == line.size()) {
        if (lead == blanks) propose(out, source, pos, content_end, "");
        if (line_end >= end) break;
        pos = next;
        continue;
      }
      // Only plain [ \t] indentation is replaced; other Unicode blanks stay as written. A line
      // that closes an exec form sits under the keyword, as a closing bracket does in code.
      if (lead == blanks) propose(indents, source, pos, pos + blanks, line[blanks] == ']' ? std::string() : indent);
    }
    const uint32_t content_start = first ? pos : pos + blanks;
    first = false;
    uint32_t k = content_end;
    while (k > pos && is_blank(source[k - 1])) --k;
    bool continues = k > pos && source[k - 1] == escape && (k - 1 == pos || source[k - 2] != escape);
    if (continues) {
      uint32_t at = k - 1;  // the escape character
      propose(out, source, k, content_end, "");
      uint32_t b = at;
      while (b > content_start && is_blank(source[b - 1])) --b;
      if (b > content_start) propose(out, source, b, at, " ");
      if (line_end >= end) break;
      pos = next;
      continue;
    }
    // Blanks after a carriage return stay: without them, BuildKit's trimming of `\r` would expose
    // an escape character before it and continue the line.
    if (k > pos && source[k - 1] != '\r') propose(out, source, k, content_end, "");
    break;
  }
}

// Lines outside every instruction and heredoc: comments, directives, blank lines.
void propose_free_lines(const Document &doc, std::vector<TextEdit> &out) {
  std::string_view source = doc.source();
  const auto &lines = doc.lines();
  std::vector<Range> occupied;
  for (const auto &ins : doc.instructions()) {
    uint32_t start = lines.line_start(lines.line_of(ins.range.start));
    // Blanks before the keyword: BuildKit trims the first line of an instruction.
    if (start < ins.range.start) {
      std::string_view lead = source.substr(start, ins.range.start - start);
      if (std::all_of(lead.begin(), lead.end(), is_blank)) out.push_back({start, ins.range.start, ""});
    }
    occupied.push_back({start, std::max(ins.range.end, ins.line_range.end)});
  }
  size_t next_occupied = 0;
  uint32_t pos = 0;
  const auto size = static_cast<uint32_t>(source.size());
  while (pos < size) {
    size_t nl = source.find('\n', pos);
    uint32_t line_end = nl == std::string_view::npos ? size : static_cast<uint32_t>(nl);
    while (next_occupied < occupied.size() && occupied[next_occupied].end <= pos) ++next_occupied;
    bool inside = next_occupied < occupied.size() && occupied[next_occupied].start <= pos;
    if (!inside) {
      uint32_t content_end = line_end;
      while (content_end > pos && source[content_end - 1] == '\r') --content_end;
      uint32_t k = content_end;
      while (k > pos && is_blank(source[k - 1])) --k;
      propose(out, source, k, content_end, "");
    }
    pos = line_end + 1;
  }
  if (!source.empty() && source.back() != '\n' && source.back() != '\r') {
    bool crlf = source.find("\r\n") != std::string_view::npos;
    out.push_back({size, size, crlf ? "\r\n" : "\n"});
  }
}

// Two proposals may cover the same blanks (a gap that is also the blank run before an escape
// character); the first one stands.
void drop_overlaps(std::vector<TextEdit> &edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit &a, const TextEdit &b) { return a.start < b.start; });
  std::vector<TextEdit> kept;
  for (auto &e : edits) {
    if (!kept.empty() && (e.start < kept.back().end || (e.start == kept.back().start && e.start == e.end))) continue;
    kept.push_back(std::move(e));
  }
  edits = std::move(kept);
}

std::string apply_or_throw(std::string_view text, const std::vector<TextEdit> &edits) {
  auto applied = edit::apply_edits(text, edits);
  if (!applied) throw Error("internal error: the formatter proposed overlapping edits");
  return std::move(*applied);
}

// The instruction's edits that keep its parse: all of them when possible, else greedily unit by
// unit. The continuation lines' indentation is one unit: re-indenting some lines of a RUN and not
// the others would look worse than leaving them all as written.
std::vector<TextEdit> keep_parse_preserving(const Document &doc, const Instruction &ins, std::vector<TextEdit> singles,
                                            std::vector<TextEdit> indents) {
  std::vector<TextEdit> proposed = singles;
  proposed.insert(proposed.end(), indents.begin(), indents.end());
  drop_overlaps(proposed);
  if (proposed.empty()) return proposed;
  const uint32_t base = ins.range.start;
  std::string_view region = std::string_view(doc.source()).substr(base, ins.line_range.end - base);
  const std::string wanted = parse_key_of_region(region, doc.escape());
  auto keeps_parse = [&](const std::vector<TextEdit> &edits) {
    std::vector<TextEdit> local = edits;
    for (auto &e : local) {
      e.start -= base;
      e.end -= base;
    }
    return parse_key_of_region(apply_or_throw(region, local), doc.escape()) == wanted;
  };
  if (keeps_parse(proposed)) return proposed;
  std::vector<std::vector<TextEdit>> units;
  if (!indents.empty()) units.push_back(std::move(indents));
  for (auto &e : singles) units.push_back({std::move(e)});
  if (units.size() == 1) return {};  // that one unit was the whole proposal, just refused
  // Each trial re-reads the whole instruction, so trials are bounded to keep the time linear in
  // the instruction's size: a RUN of 10,000 continuation lines, each with a refused edit, took
  // seconds per run before. Past the bound the remaining edits are dropped (left as written).
  size_t trials_left = std::max<size_t>(64, (64u * 1024) / std::max<size_t>(region.size(), 1));
  std::vector<TextEdit> accepted;
  std::vector<bool> taken(units.size(), false);
  for (bool progress = true; progress;) {
    progress = false;
    for (size_t i = 0; i < units.size(); ++i) {
      if (taken[i]) continue;
      if (trials_left == 0) return accepted;
      --trials_left;
      std::vector<TextEdit> trial = accepted;
      trial.insert(trial.end(), units[i].begin(), units[i].end());
      drop_overlaps(trial);
      if (keeps_parse(trial)) {
        accepted = std::move(trial);
        taken[i] = true;
        progress = true;
      }
    }
  }
  return accepted;
}

void refuse_unsafe(const Document &doc) {
  for (const auto &p : doc.problems()) {
    // BuildKit's argument errors (ENV without `=`, JSON with a number...) sit on one instruction
    // whose boundaries are certain: the formatter keeps the error as it is. Anything else means
    // the instruction boundaries themselves are in doubt.
    bool instruction_error = false;
    for (const auto &ins : doc.instructions()) {
      if (ins.error && *ins.error == p.message && ins.range == p.range && p.message != "unterminated heredoc") {
        instruction_error = true;
      }
    }
    if (instruction_error) continue;
    auto at = doc.lines().position(p.range.start);
    throw Error(doc.path() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                ": cannot format: " + p.message);
  }
}

std::optional<std::string> document_difference(const Document &a, const Document &b) {
  if (a.escape() != b.escape()) return std::string("the escape character changed");
  if (a.directives().size() != b.directives().size()) return std::string("the parser directives changed");
  for (size_t i = 0; i < a.directives().size(); ++i) {
    if (a.directives()[i].key != b.directives()[i].key || a.directives()[i].value != b.directives()[i].value) {
      return std::string("the parser directives changed");
    }
  }
  if (a.instructions().size() != b.instructions().size()) return std::string("the number of instructions changed");
  for (size_t i = 0; i < a.instructions().size(); ++i) {
    if (auto d = instruction_difference(a.instructions()[i], b.instructions()[i])) {
      return "line " + std::to_string(a.instructions()[i].start_line) + ": " + *d;
    }
  }
  if (a.warnings().size() != b.warnings().size()) return std::string("the parser's warnings changed");
  if (a.problems().size() != b.problems().size()) return std::string("the parse problems changed");
  for (size_t i = 0; i < a.problems().size(); ++i) {
    if (a.problems()[i].message != b.problems()[i].message) return std::string("the parse problems changed");
  }
  return std::nullopt;
}

struct Round {
  std::string text;
  std::unique_ptr<Document> doc;
};

// One pass over `doc`; nullopt when it has nothing to change.
std::optional<Round> format_round(const Document &doc, const Options &options) {
  std::vector<TextEdit> checked;
  for (const auto &ins : doc.instructions()) {
    std::vector<TextEdit> proposed;
    std::vector<TextEdit> indents;
    // An unknown instruction is left as written: BuildKit keeps only its original text, which
    // the per-instruction check cannot see, so any change there would be unchecked.
    if (ins.kind == InstructionKind::Unknown) continue;
    if (options.keyword_case == KeywordCase::Upper) propose_keyword_casing(doc, ins, proposed);
    propose_token_spacing(doc, ins, proposed);
    propose_line_layout(doc, ins, options, proposed, indents);
    drop_overlaps(proposed);
    auto kept = keep_parse_preserving(doc, ins, std::move(proposed), std::move(indents));
    checked.insert(checked.end(), kept.begin(), kept.end());
  }
  std::vector<TextEdit> free;
  propose_free_lines(doc, free);
  if (checked.empty() && free.empty()) return std::nullopt;

  std::vector<TextEdit> all = checked;
  all.insert(all.end(), free.begin(), free.end());
  for (const auto *edits : {&all, &checked}) {
    if (edits->empty()) continue;
    Round r;
    r.text = apply_or_throw(doc.source(), *edits);
    r.doc = Document::parse(r.text, doc.path());
    if (!document_difference(doc, *r.doc)) return r;
  }
  auto r = Document::parse(apply_or_throw(doc.source(), all), doc.path());
  throw Error(doc.path() + ": cannot format: the result would parse differently (" +
              document_difference(doc, *r).value_or("?") + "); please report this");
}

// Minimal edits from `before` to `after`, which have the same lines (the formatter never adds or
// removes a line break, except a final one): per changed line, the span between the common
// prefix and suffix.
std::vector<TextEdit> line_edits(std::string_view before, std::string_view after) {
  std::vector<TextEdit> edits;
  size_t b = 0, a = 0;
  while (b < before.size() || a < after.size()) {
    size_t bn = before.find('\n', b);
    size_t an = after.find('\n', a);
    if (bn == std::string_view::npos) bn = before.size();
    if (an == std::string_view::npos) an = after.size();
    if (b >= before.size()) {  // only a final line break was added
      edits.push_back({static_cast<uint32_t>(before.size()), static_cast<uint32_t>(before.size()), std::string(after.substr(a))});
      break;
    }
    std::string_view x = before.substr(b, bn - b);
    std::string_view y = after.substr(a, an - a);
    if (x != y) {
      size_t p = 0;
      while (p < x.size() && p < y.size() && x[p] == y[p]) ++p;
      size_t s = 0;
      while (s < x.size() - p && s < y.size() - p && x[x.size() - 1 - s] == y[y.size() - 1 - s]) ++s;
      edits.push_back({static_cast<uint32_t>(b + p), static_cast<uint32_t>(bn - s), std::string(y.substr(p, y.size() - p - s))});
    }
    if (bn >= before.size() && an < after.size()) {  // `after` gained the final line break
      edits.push_back({static_cast<uint32_t>(before.size()), static_cast<uint32_t>(before.size()), std::string(after.substr(an))});
      break;
    }
    b = bn + 1;
    a = an + 1;
  }
  return edits;
}

}  // namespace

Result format_document(const syntax::Document &doc, const Options &options) {
  if (options.continuation_indent > k_max_continuation_indent) {
    throw Error("continuation indent " + std::to_string(options.continuation_indent) + " is too large (at most " +
                std::to_string(k_max_continuation_indent) + ")");
  }
  refuse_unsafe(doc);
  Result result;
  std::unique_ptr<Document> current;
  for (int round = 0; round < k_max_rounds; ++round) {
    auto next = format_round(current ? *current : doc, options);
    if (!next) break;
    current = std::move(next->doc);
  }
  if (!current) {
    result.text = doc.source();
    return result;
  }
  // Each round was checked against the one before; check the whole chain once more end to end.
  if (auto d = document_difference(doc, *current)) {
    throw Error(doc.path() + ": cannot format: the result would parse differently (" + *d + "); please report this");
  }
  result.text = current->source();
  result.changed = result.text != doc.source();
  if (result.changed) result.edits = line_edits(doc.source(), result.text);
  return result;
}

Options options_from_config(const nlohmann::json &section, const std::string &where) {
  Options options;
  if (section.is_null()) return options;
  if (!section.is_object()) throw Error(where + ": 'format' must be a mapping of formatter options");
  for (const auto &[key, value] : section.items()) {
    // replace: a YAML value need not be UTF-8, and dump() throws on one that is not.
    std::string text = value.is_string() ? value.get<std::string>() : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (key == "keyword-case" || key == "keyword_case") {
      if (text == "upper") {
        options.keyword_case = KeywordCase::Upper;
      } else if (text == "preserve") {
        options.keyword_case = KeywordCase::Preserve;
      } else {
        throw Error(where + ": format." + key + ": '" + text + "' is not upper or preserve");
      }
    } else if (key == "continuation-indent" || key == "continuation_indent") {
      bool digits = !text.empty() && text.size() <= 2 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
      unsigned n = digits ? static_cast<unsigned>(std::stoul(text)) : k_max_continuation_indent + 1;
      if (n > k_max_continuation_indent) {
        throw Error(where + ": format." + key + ": '" + text + "' is not a number of spaces from 0 to " +
                    std::to_string(k_max_continuation_indent));
      }
      options.continuation_indent = n;
    } else {
      throw Error(where + ": format: unknown key '" + key + "' (keyword-case, continuation-indent)");
    }
  }
  return options;
}

Result format_source(std::string source, const std::string &path, const Options &options) {
  auto doc = Document::parse(std::move(source), path);
  return format_document(*doc, options);
}

}  // namespace msm::formatter
