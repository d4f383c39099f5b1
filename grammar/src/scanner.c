// External scanner for the Dockerfile grammar: everything lexical that depends on state
// (the escape character chosen by a parser directive, pending heredocs) or needs more
// lookahead than a regular token (the JSON-or-shell decision, continuation lines).
//
// Rules followed (BuildKit's parser):
// - directives: `# key = value` lines at the very top; the first other line ends them for good.
// - a line continues iff it ends with the escape char E plus optional [ \t], and the char
//   before E is not E. Comment lines and whitespace-only lines inside a continuation are
//   dropped. A continuation at end of file just ends the instruction.
// - heredoc markers (`<<EOF`, `<<-EOF`, `3<<"EOF"`) start a shell word of RUN/COPY/ADD lines;
//   bodies follow the instruction's last line and end at a line equal to the name.

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum TokenType {
  DIRECTIVE_LINE,
  DIRECTIVE_END,
  COMMENT,
  NEWLINE,
  EOF_END,
  LINE_CONTINUATION,
  EXEC_FORM_START,
  SHELL_FORM_START,
  FLAG,
  FLAGS_END,
  WORD,
  QUOTED_WORD,
  AS_KEYWORD,
  SHELL_FRAGMENT,
  HEREDOC_MARKER,
  HEREDOC_CONTENT,
  HEREDOC_END,
  ERROR_SENTINEL,
};

#define MAX_HEREDOCS 8
#define MAX_HEREDOC_NAME 96

typedef struct {
  bool chomp;
  uint8_t length;
  char name[MAX_HEREDOC_NAME];
} Heredoc;

typedef struct {
  int32_t escape;
  bool in_prologue;
  uint8_t heredoc_count;
  Heredoc heredocs[MAX_HEREDOCS];
} Scanner;

// --- character classes ------------------------------------------------------------------

static bool is_blank(int32_t c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r'; }

// Go's unicode.IsSpace: what BuildKit trims off the start of lines.
static bool is_unicode_space(int32_t c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\v': case '\f': case '\r': case 0x85: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

static bool is_line_space(int32_t c) { return c != '\n' && (is_unicode_space(c) || c == 0xFEFF); }

static void advance(TSLexer *lexer) { lexer->advance(lexer, false); }

static bool at_line_end(TSLexer *lexer) { return lexer->eof(lexer) || lexer->lookahead == '\n'; }

// --- continuation lines -----------------------------------------------------------------

// After the newline of a continued line: drop the comment lines and whitespace-only lines
// BuildKit skips. Stops at the first content line, with its indentation consumed only when
// `mark` is false (the caller's token end is then already fixed by mark_end).
static void skip_continuation_fillers(TSLexer *lexer, bool mark) {
  for (;;) {
    if (mark) lexer->mark_end(lexer);
    if (lexer->eof(lexer)) return;
    while (is_line_space(lexer->lookahead)) advance(lexer);
    if (lexer->eof(lexer)) {
      if (mark) lexer->mark_end(lexer);
      return;
    }
    if (lexer->lookahead == '\n') {
      advance(lexer);
      continue;
    }
    if (lexer->lookahead == '#') {
      while (!at_line_end(lexer)) advance(lexer);
      if (!lexer->eof(lexer)) advance(lexer);
      continue;
    }
    return;
  }
}

// Precondition: lookahead is the escape char. Consumes E, the blanks after it and, when this
// is a continuation, the newline and the lines BuildKit drops. Returns whether it was one.
static bool consume_continuation(TSLexer *lexer, bool mark, unsigned *blanks_after) {
  advance(lexer);
  unsigned blanks = 0;
  while (lexer->lookahead == ' ' || lexer->lookahead == '\t') {
    advance(lexer);
    blanks++;
  }
  while (lexer->lookahead == '\r') {
    advance(lexer);
    blanks++;
  }
  if (blanks_after) *blanks_after = blanks;
  if (lexer->eof(lexer)) {
    if (mark) lexer->mark_end(lexer);
    return true;
  }
  if (lexer->lookahead != '\n') return false;
  advance(lexer);
  skip_continuation_fillers(lexer, mark);
  return true;
}

// --- heredoc markers --------------------------------------------------------------------

// Reads the rest of a marker word after `<<` / `<<-` into `out` (quotes and backslashes
// removed). Returns false when it is no marker: empty name, a `<` in it, an unclosed quote.
static bool read_heredoc_name(Scanner *s, TSLexer *lexer, Heredoc *out) {
  (void)s;
  out->length = 0;
  int32_t quote = 0;
  bool any = false;
  bool ok = true;
  for (;;) {
    if (at_line_end(lexer)) break;
    int32_t c = lexer->lookahead;
    if (quote == 0 && is_blank(c)) break;
    if (c == '<') ok = false;
    if (quote == 0 && (c == '\'' || c == '"')) {
      quote = c;
      advance(lexer);
      any = true;
      continue;
    }
    if (quote != 0 && c == quote) {
      quote = 0;
      advance(lexer);
      continue;
    }
    if (c == '\\' && quote != '\'') {
      advance(lexer);
      if (at_line_end(lexer)) break;
      c = lexer->lookahead;
    }
    advance(lexer);
    any = true;
    // Store UTF-8 so terminator lines can be compared byte-wise.
    char buffer[4];
    int n = 0;
    if (c < 0x80 && c >= 0) {
      buffer[n++] = (char)c;
    } else if (c < 0x800 && c >= 0) {
      buffer[n++] = (char)(0xC0 | (c >> 6));
      buffer[n++] = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000 && c >= 0) {
      buffer[n++] = (char)(0xE0 | (c >> 12));
      buffer[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
      buffer[n++] = (char)(0x80 | (c & 0x3F));
    } else if (c >= 0) {
      buffer[n++] = (char)(0xF0 | (c >> 18));
      buffer[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
      buffer[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
      buffer[n++] = (char)(0x80 | (c & 0x3F));
    }
    for (int i = 0; i < n; i++) {
      if (out->length < MAX_HEREDOC_NAME) out->name[out->length++] = buffer[i];
    }
  }
  return ok && any && quote == 0 && out->length > 0;
}

// Precondition: lookahead starts a shell word that may be a marker (a digit or '<').
// Consumes the word; returns whether it is a heredoc marker (and fills `out`).
static bool read_heredoc_marker(Scanner *s, TSLexer *lexer, Heredoc *out) {
  while (lexer->lookahead >= '0' && lexer->lookahead <= '9') advance(lexer);
  if (lexer->lookahead != '<') return false;
  advance(lexer);
  if (lexer->lookahead != '<') return false;
  advance(lexer);
  out->chomp = false;
  if (lexer->lookahead == '-') {
    out->chomp = true;
    advance(lexer);
  }
  if (lexer->lookahead == '<') return false;
  // BuildKit accepts blanks between `<<` and the name, but not after `<<-`.
  if (!out->chomp) {
    while (lexer->lookahead == ' ' || lexer->lookahead == '\t') advance(lexer);
  }
  return read_heredoc_name(s, lexer, out);
}

static void push_heredoc(Scanner *s, const Heredoc *h) {
  if (s->heredoc_count < MAX_HEREDOCS) s->heredocs[s->heredoc_count++] = *h;
}

static void pop_heredoc(Scanner *s) {
  if (s->heredoc_count == 0) return;
  memmove(&s->heredocs[0], &s->heredocs[1], sizeof(Heredoc) * (s->heredoc_count - 1));
  s->heredoc_count--;
}

// --- heredoc bodies ---------------------------------------------------------------------

// Compares the current line against the terminator, consuming it. True when equal.
static bool consume_line_matching(TSLexer *lexer, const Heredoc *h) {
  if (h->chomp) {
    while (lexer->lookahead == '\t') advance(lexer);
  }
  unsigned i = 0;
  bool equal = true;
  while (!at_line_end(lexer)) {
    int32_t c = lexer->lookahead;
    if (c == '\r') {
      // Trailing CRs are not part of the line; inner ones are.
      advance(lexer);
      unsigned crs = 1;
      while (lexer->lookahead == '\r') {
        advance(lexer);
        crs++;
      }
      if (at_line_end(lexer)) break;
      for (unsigned k = 0; k < crs; k++) {
        if (i < h->length && h->name[i] == '\r') i++;
        else equal = false;
      }
      continue;
    }
    if (c >= 0 && c < 0x80) {
      if (i < h->length && h->name[i] == (char)c) i++;
      else equal = false;
    } else {
      // Non-ASCII: compare its UTF-8 bytes.
      unsigned char buffer[4];
      int n = 0;
      if (c < 0 ) { equal = false; advance(lexer); continue; }
      if (c < 0x800) {
        buffer[n++] = (unsigned char)(0xC0 | (c >> 6));
        buffer[n++] = (unsigned char)(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        buffer[n++] = (unsigned char)(0xE0 | (c >> 12));
        buffer[n++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        buffer[n++] = (unsigned char)(0x80 | (c & 0x3F));
      } else {
        buffer[n++] = (unsigned char)(0xF0 | (c >> 18));
        buffer[n++] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
        buffer[n++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        buffer[n++] = (unsigned char)(0x80 | (c & 0x3F));
      }
      for (int k = 0; k < n; k++) {
        if (i < h->length && (unsigned char)h->name[i] == buffer[k]) i++;
        else equal = false;
      }
    }
    advance(lexer);
  }
  return equal && i == h->length;
}

static bool scan_heredoc_body(Scanner *s, TSLexer *lexer, const bool *valid_symbols) {
  const Heredoc *h = &s->heredocs[0];
  lexer->mark_end(lexer);
  bool content = false;
  for (;;) {
    if (lexer->eof(lexer)) {
      // Unterminated: the body runs to the end of the file; the missing terminator is the error.
      if (content && valid_symbols[HEREDOC_CONTENT]) {
        lexer->mark_end(lexer);
        lexer->result_symbol = HEREDOC_CONTENT;
        return true;
      }
      return false;
    }
    bool is_end = consume_line_matching(lexer, h);
    if (is_end) {
      if (content) {
        lexer->result_symbol = HEREDOC_CONTENT;  // ends where the terminator line starts
        return valid_symbols[HEREDOC_CONTENT];
      }
      if (!lexer->eof(lexer)) advance(lexer);  // the terminator's newline
      lexer->mark_end(lexer);
      pop_heredoc(s);
      lexer->result_symbol = HEREDOC_END;
      return valid_symbols[HEREDOC_END];
    }
    if (!lexer->eof(lexer)) advance(lexer);
    content = true;
    lexer->mark_end(lexer);
  }
}

// --- directives and comments ------------------------------------------------------------

static bool ascii_equal_ci(const char *a, const char *b, unsigned n) {
  for (unsigned i = 0; i < n; i++) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

static bool is_directive_space(int32_t c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r'; }

// Advances over one character of a comment line; the token's end follows it unless it is a
// CR (so a CRLF line's token ends before the CR).
static void take(TSLexer *lexer) {
  bool cr = lexer->lookahead == '\r';
  advance(lexer);
  if (!cr) lexer->mark_end(lexer);
}

// Precondition: lookahead is '#', leading blanks skipped. Consumes the whole line (without
// its newline). Returns true for a directive BuildKit recognises, then sets the escape char.
static bool consume_comment_or_directive(Scanner *s, TSLexer *lexer) {
  take(lexer);  // '#'
  while (is_directive_space(lexer->lookahead) && !at_line_end(lexer)) take(lexer);
  char key[16];
  unsigned key_length = 0;
  bool well_formed = false;
  int32_t first_value = 0;
  unsigned value_length = 0;
  int32_t c = lexer->lookahead;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
    while (((c = lexer->lookahead) >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      if (key_length < sizeof key) key[key_length] = (char)c;
      key_length++;
      take(lexer);
    }
    while (is_directive_space(lexer->lookahead)) take(lexer);
    if (lexer->lookahead == '=') {
      take(lexer);
      while (is_directive_space(lexer->lookahead)) take(lexer);
      // The value: everything to the end of the line, trailing blanks trimmed.
      unsigned trailing = 0;
      while (!at_line_end(lexer)) {
        int32_t v = lexer->lookahead;
        if (is_directive_space(v)) {
          trailing++;
        } else {
          if (value_length == 0) first_value = v;
          value_length += trailing + 1;
          trailing = 0;
        }
        take(lexer);
      }
      well_formed = value_length > 0;
    }
  }
  while (!at_line_end(lexer)) take(lexer);
  if (!well_formed || key_length > sizeof key) return false;
  if (key_length == 6 && ascii_equal_ci(key, "syntax", 6)) return true;
  if (key_length == 5 && ascii_equal_ci(key, "check", 5)) return true;
  if (key_length == 6 && ascii_equal_ci(key, "escape", 6)) {
    // Only a directive sets the escape char: after the prefix it is an ordinary comment.
    if (s->in_prologue && value_length == 1 && (first_value == '`' || first_value == '\\')) s->escape = first_value;
    return true;
  }
  return false;
}


// --- JSON (exec form) lookahead ---------------------------------------------------------

// Skips JSON whitespace and continuations; never marks.
static void json_skip(Scanner *s, TSLexer *lexer) {
  for (;;) {
    int32_t c = lexer->lookahead;
    if (c == ' ' || c == '\t' || c == '\r') {
      advance(lexer);
    } else if (c == s->escape && !lexer->eof(lexer)) {
      if (!consume_continuation(lexer, false, NULL)) return;  // leaves an invalid char behind
    } else {
      return;
    }
  }
}

// Is the rest of the logical line a JSON array of strings (BuildKit's exec form)?
static bool rest_is_json_string_array(Scanner *s, TSLexer *lexer) {
  if (lexer->lookahead != '[') return false;
  advance(lexer);
  json_skip(s, lexer);
  if (lexer->lookahead == ']') {
    advance(lexer);
  } else {
    for (;;) {
      if (lexer->lookahead != '"') return false;
      advance(lexer);
      for (;;) {
        if (at_line_end(lexer)) return false;
        int32_t c = lexer->lookahead;
        if (c == '"') break;
        if (c >= 0 && c < 0x20) return false;
        if (c == '\\') {
          advance(lexer);
          c = lexer->lookahead;
          if (c == 'u') {
            advance(lexer);
            for (int i = 0; i < 4; i++) {
              int32_t h = lexer->lookahead;
              if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'))) return false;
              advance(lexer);
            }
            continue;
          }
          if (c != '"' && c != '\\' && c != '/' && c != 'b' && c != 'f' && c != 'n' && c != 'r' && c != 't') return false;
        }
        // A continuation inside a string is legal for BuildKit but not expressible as one
        // json_string token: let the tree show shell form (the model still gets it right).
        if (c == s->escape && c != '\\') return false;
        advance(lexer);
      }
      advance(lexer);  // closing quote
      json_skip(s, lexer);
      if (lexer->lookahead == ',') {
        advance(lexer);
        json_skip(s, lexer);
        continue;
      }
      if (lexer->lookahead == ']') {
        advance(lexer);
        break;
      }
      return false;
    }
  }
  json_skip(s, lexer);
  return at_line_end(lexer);
}

// --- argument tokens --------------------------------------------------------------------

// A run of argument text. `quote_aware`: quotes group blanks (ENV/LABEL/ARG words, flags,
// shell text). `to_line_end`: blanks do not end it (shell text and one-string arguments).
// `markers`: stop before a heredoc marker word. Tokens may span continuation lines; the
// syntax model re-joins lines itself.
typedef struct {
  bool quote_aware;
  bool to_line_end;
  bool markers;
} TextMode;

typedef enum { TEXT_NONE, TEXT_TEXT, TEXT_MARKER, TEXT_CONTINUATION } TextResult;

typedef struct {
  unsigned length;  // characters of content
  int32_t head[2];  // the first two, to recognise FROM's `AS`
} TextInfo;

static TextResult scan_text(Scanner *s, TSLexer *lexer, TextMode mode, Heredoc *marker, TextInfo *info) {
  bool has_content = false;
  bool unmarked = false;  // content consumed since the last mark_end (marking per char is slow)
  bool word_start = true;
  bool previous_was_escape = false;
  bool escaped = false;  // the previous char was a shell backslash escape
  int32_t quote = 0;
  info->length = 0;
  for (;;) {
    if (at_line_end(lexer)) break;
    int32_t c = lexer->lookahead;
    if (c == s->escape && !previous_was_escape && !escaped) {
      if (unmarked) {
        lexer->mark_end(lexer);
        unmarked = false;
      }
      unsigned blanks = 0;
      if (consume_continuation(lexer, !has_content, &blanks)) {
        if (!has_content) return TEXT_CONTINUATION;
        // A word goes on across the continuation only if the next line starts with content.
        if (!mode.to_line_end && quote == 0 && (at_line_end(lexer) || is_blank(lexer->lookahead))) break;
        continue;
      }
      // Not a continuation: E is text (it escapes the next char in BuildKit's words).
      has_content = true;
      info->length += 1 + blanks;
      previous_was_escape = blanks == 0;
      escaped = blanks == 0 && (s->escape == '\\' || quote != '\'');
      lexer->mark_end(lexer);
      word_start = blanks > 1;
      if (!mode.to_line_end && quote == 0 && blanks > 1) break;
      continue;
    }
    bool blank = quote == 0 && !escaped && is_blank(c);
    if ((blank || c == '\r') && unmarked) {
      // Not part of the token unless content follows: fix the end before stepping over it.
      lexer->mark_end(lexer);
      unmarked = false;
    }
    if (blank) {
      if (!mode.to_line_end) break;
      advance(lexer);
      word_start = true;
      previous_was_escape = false;
      continue;
    }
    if (mode.markers && word_start && quote == 0 && !escaped && ((c >= '0' && c <= '9') || c == '<')) {
      if (unmarked) {
        lexer->mark_end(lexer);
        unmarked = false;
      }
      Heredoc found;
      if (read_heredoc_marker(s, lexer, &found)) {
        if (has_content) return TEXT_TEXT;  // the marker is the next token
        lexer->mark_end(lexer);
        *marker = found;
        return TEXT_MARKER;
      }
      // Not a marker: what was read is ordinary text of this word.
      has_content = true;
      info->length += 2;
      word_start = false;
      previous_was_escape = false;
      unmarked = true;
      continue;
    }
    advance(lexer);
    if (info->length < 2) info->head[info->length] = c;
    info->length++;
    if (escaped) {
      escaped = false;
    } else if (c == '\\' && quote != '\'') {
      escaped = true;
    } else if (mode.quote_aware && quote == 0 && (c == '\'' || c == '"')) {
      quote = c;
    } else if (quote != 0 && c == quote) {
      quote = 0;
    }
    previous_was_escape = c == s->escape;
    has_content = true;
    word_start = false;
    unmarked = c != '\r';
  }
  if (unmarked) lexer->mark_end(lexer);
  return has_content ? TEXT_TEXT : TEXT_NONE;
}

// --- the entry point --------------------------------------------------------------------

static bool accept(Scanner *s, TSLexer *lexer, enum TokenType token) {
  s->in_prologue = false;
  lexer->result_symbol = token;
  return true;
}

static bool scan(Scanner *s, TSLexer *lexer, const bool *valid_symbols) {
  bool recovering = valid_symbols[ERROR_SENTINEL];

  if ((valid_symbols[HEREDOC_CONTENT] || valid_symbols[HEREDOC_END]) && s->heredoc_count > 0) {
    return scan_heredoc_body(s, lexer, valid_symbols);
  }

  if (valid_symbols[DIRECTIVE_END] && !recovering) {
    while (lexer->lookahead == '\r') advance(lexer);
    if (lexer->eof(lexer) || lexer->lookahead == '\n') {
      if (!lexer->eof(lexer)) advance(lexer);
      lexer->result_symbol = DIRECTIVE_END;  // keeps the prologue open
      return true;
    }
  }

  bool statement_start = valid_symbols[COMMENT] && !recovering;
  while (statement_start ? is_line_space(lexer->lookahead) : is_blank(lexer->lookahead)) {
    lexer->advance(lexer, true);
  }

  if (lexer->eof(lexer)) {
    if (valid_symbols[EOF_END] && !recovering) return accept(s, lexer, EOF_END);
    return false;
  }

  int32_t c = lexer->lookahead;

  if (c == '\n') {
    if (!valid_symbols[NEWLINE]) return false;
    advance(lexer);
    return accept(s, lexer, NEWLINE);
  }

  if (statement_start && c == '#') {
    bool directive = consume_comment_or_directive(s, lexer);
    if (directive && s->in_prologue && valid_symbols[DIRECTIVE_LINE]) {
      lexer->result_symbol = DIRECTIVE_LINE;
      return true;
    }
    return accept(s, lexer, COMMENT);
  }

  bool text_valid = valid_symbols[SHELL_FRAGMENT] || valid_symbols[WORD] || valid_symbols[QUOTED_WORD] ||
                    valid_symbols[HEREDOC_MARKER] || valid_symbols[AS_KEYWORD];

  if (c == s->escape && (recovering || !text_valid)) {
    if (!valid_symbols[LINE_CONTINUATION]) return false;
    lexer->mark_end(lexer);
    if (consume_continuation(lexer, true, NULL)) return accept(s, lexer, LINE_CONTINUATION);
    return false;
  }
  if (recovering) return false;

  if (c == '-' && (valid_symbols[FLAG] || valid_symbols[FLAGS_END])) {
    advance(lexer);
    if (lexer->lookahead == '-') {
      advance(lexer);
      lexer->mark_end(lexer);
      if ((at_line_end(lexer) || is_blank(lexer->lookahead)) && valid_symbols[FLAGS_END]) {
        return accept(s, lexer, FLAGS_END);
      }
      TextMode mode = {true, false, false};
      Heredoc unused;
      TextInfo info;
      scan_text(s, lexer, mode, &unused, &info);
      return accept(s, lexer, FLAG);
    }
    if (!text_valid) return false;
    // A word that starts with '-' but is no flag: it goes on below.
    lexer->mark_end(lexer);
  }

  if (valid_symbols[EXEC_FORM_START] && c == '[') {
    // BuildKit decides between exec and shell form by parsing the whole rest as JSON.
    // Either way the token is zero-width; the arguments are lexed after it.
    lexer->mark_end(lexer);
    bool json = rest_is_json_string_array(s, lexer);
    return accept(s, lexer, json ? EXEC_FORM_START : SHELL_FORM_START);
  }

  if (!text_valid) return false;
  TextMode mode = {valid_symbols[QUOTED_WORD] || valid_symbols[SHELL_FRAGMENT], valid_symbols[SHELL_FRAGMENT],
                   valid_symbols[HEREDOC_MARKER]};
  Heredoc marker;
  TextInfo info;
  TextResult r = scan_text(s, lexer, mode, &marker, &info);
  switch (r) {
    case TEXT_NONE:
      return false;
    case TEXT_CONTINUATION:
      return accept(s, lexer, LINE_CONTINUATION);
    case TEXT_MARKER:
      push_heredoc(s, &marker);
      return accept(s, lexer, HEREDOC_MARKER);
    case TEXT_TEXT:
      break;
  }
  if (valid_symbols[AS_KEYWORD] && info.length == 2 && (info.head[0] == 'a' || info.head[0] == 'A') &&
      (info.head[1] == 's' || info.head[1] == 'S')) {
    return accept(s, lexer, AS_KEYWORD);
  }
  if (valid_symbols[SHELL_FRAGMENT]) return accept(s, lexer, SHELL_FRAGMENT);
  if (valid_symbols[WORD]) return accept(s, lexer, WORD);
  if (valid_symbols[QUOTED_WORD]) return accept(s, lexer, QUOTED_WORD);
  return false;
}

// --- tree-sitter glue -------------------------------------------------------------------

void *tree_sitter_dockerfile_external_scanner_create(void) {
  Scanner *s = (Scanner *)calloc(1, sizeof(Scanner));
  s->escape = '\\';
  s->in_prologue = true;
  return s;
}

void tree_sitter_dockerfile_external_scanner_destroy(void *payload) { free(payload); }

unsigned tree_sitter_dockerfile_external_scanner_serialize(void *payload, char *buffer) {
  Scanner *s = (Scanner *)payload;
  unsigned n = 0;
  buffer[n++] = (char)s->escape;
  buffer[n++] = (char)s->in_prologue;
  buffer[n++] = (char)s->heredoc_count;
  for (unsigned i = 0; i < s->heredoc_count; i++) {
    const Heredoc *h = &s->heredocs[i];
    buffer[n++] = (char)h->chomp;
    buffer[n++] = (char)h->length;
    memcpy(buffer + n, h->name, h->length);
    n += h->length;
  }
  return n;
}

void tree_sitter_dockerfile_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  Scanner *s = (Scanner *)payload;
  s->escape = '\\';
  s->in_prologue = true;
  s->heredoc_count = 0;
  if (length < 3) return;
  unsigned n = 0;
  s->escape = (unsigned char)buffer[n++];
  s->in_prologue = buffer[n++] != 0;
  unsigned count = (unsigned char)buffer[n++];
  for (unsigned i = 0; i < count && i < MAX_HEREDOCS && n + 2 <= length; i++) {
    Heredoc *h = &s->heredocs[i];
    h->chomp = buffer[n++] != 0;
    h->length = (uint8_t)buffer[n++];
    if (n + h->length > length) break;
    memcpy(h->name, buffer + n, h->length);
    n += h->length;
    s->heredoc_count = (uint8_t)(i + 1);
  }
}

bool tree_sitter_dockerfile_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  return scan((Scanner *)payload, lexer, valid_symbols);
}
