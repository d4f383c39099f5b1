#include "edit/edit.h"

#include <algorithm>

namespace msm::edit {

std::string_view to_string(Applicability a) {
  switch (a) {
    case Applicability::Safe: return "safe";
    case Applicability::Unsafe: return "unsafe";
    case Applicability::DisplayOnly: return "display-only";
  }
  return "safe";
}

namespace {

bool overlaps(const TextEdit &a, const TextEdit &b) {
  // Two insertions at the same point are ambiguous in order: treat as overlapping.
  if (a.start == a.end && b.start == b.end) return a.start == b.start;
  return a.start < b.end && b.start < a.end;
}

}  // namespace

std::optional<std::string> apply_edits(std::string_view text, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit &a, const TextEdit &b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  std::string out;
  out.reserve(text.size());
  uint32_t cursor = 0;
  for (const auto &e : edits) {
    if (e.start > e.end || e.end > text.size() || e.start < cursor) return std::nullopt;
    out.append(text.substr(cursor, e.start - cursor));
    out += e.content;
    cursor = e.end;
  }
  out.append(text.substr(cursor));
  return out;
}

ApplyResult apply_fixes(std::string_view text, const std::vector<Fix> &fixes) {
  ApplyResult result;
  std::vector<TextEdit> accepted;
  for (size_t i = 0; i < fixes.size(); ++i) {
    const auto &fix = fixes[i];
    bool clash = false;
    for (const auto &e : fix.edits) {
      for (const auto &a : accepted) clash = clash || overlaps(e, a);
      for (const auto &other : fix.edits) clash = clash || (&other != &e && overlaps(e, other));
    }
    if (clash) {
      result.skipped.push_back(i);
      continue;
    }
    accepted.insert(accepted.end(), fix.edits.begin(), fix.edits.end());
    ++result.applied;
  }
  auto applied = apply_edits(text, accepted);
  result.text = applied ? *applied : std::string(text);
  if (!applied) result.applied = 0;
  return result;
}

namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view from_label,
                         std::string_view to_label) {
  if (before == after) return "";
  auto a = split_lines(before);
  auto b = split_lines(after);
  // Trim the common prefix and suffix, then an LCS table over the middle (Dockerfiles are small;
  // the middle is bounded to keep memory in check, beyond which it degrades to replace-all).
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  // ops over the whole files: ' ' keep, '-' delete, '+' insert, with line indices.
  struct Op { char kind; size_t a, b; };
  std::vector<Op> ops;
  for (size_t i = 0; i < prefix; ++i) ops.push_back({' ', i, i});
  if (n * m <= 4'000'000) {
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t & { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        ops.push_back({' ', prefix + i++, prefix + j++});
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        ops.push_back({'-', prefix + i++, prefix + j});  // deletions before insertions, as diff(1)
      } else {
        ops.push_back({'+', prefix + i, prefix + j++});
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) ops.push_back({'-', prefix + i, prefix});
    for (size_t j = 0; j < m; ++j) ops.push_back({'+', prefix + n, prefix + j});
  }
  for (size_t k = 0; k < suffix; ++k) ops.push_back({' ', prefix + n + k, prefix + m + k});

  std::string out;
  out += "--- " + std::string(from_label) + "\n+++ " + std::string(to_label) + "\n";
  const size_t context = 3;
  size_t k = 0;
  while (k < ops.size()) {
    while (k < ops.size() && ops[k].kind == ' ') ++k;
    if (k == ops.size()) break;
    size_t start = k >= context ? k - context : 0;
    size_t end = k;
    // Extend the hunk while changes are within 2*context of each other.
    size_t last_change = k;
    for (size_t x = k; x < ops.size(); ++x) {
      if (ops[x].kind != ' ') last_change = x;
      if (x - last_change > 2 * context) break;
      end = x + 1;
    }
    end = std::min(ops.size(), last_change + context + 1);
    size_t a_start = ops[start].a, b_start = ops[start].b, a_count = 0, b_count = 0;
    std::string body;
    auto line_text = [](std::string_view l) {
      std::string s(l);
      if (s.empty() || s.back() != '\n') s += "\n\\ No newline at end of file\n";
      return s;
    };
    for (size_t x = start; x < end; ++x) {
      const Op &op = ops[x];
      if (op.kind == ' ') {
        body += " " + line_text(a[op.a]);
        ++a_count;
        ++b_count;
      } else if (op.kind == '-') {
        body += "-" + line_text(a[op.a]);
        ++a_count;
      } else {
        body += "+" + line_text(b[op.b]);
        ++b_count;
      }
    }
    out += "@@ -" + std::to_string(a_count ? a_start + 1 : a_start) + "," + std::to_string(a_count) + " +" +
           std::to_string(b_count ? b_start + 1 : b_start) + "," + std::to_string(b_count) + " @@\n" + body;
    k = end;
  }
  return out;
}

}  // namespace msm::edit
