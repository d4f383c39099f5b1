// Document::reparse (tree-sitter's incremental parse after edits) gives exactly what a parse from
// scratch gives, over random edits that hit continuations, heredocs, directives and comments.

#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>
#include <random>
#include <string>

#include "syntax/document.h"

namespace {

std::string tree_string(const msm::syntax::Document &doc) {
  char *s = ts_node_string(doc.root());
  std::string out(s);
  std::free(s);
  return out;
}

std::string model_string(const msm::syntax::Document &doc) {
  std::string out;
  for (const auto &ins : doc.instructions()) {
    out += ins.keyword + "@" + std::to_string(ins.range.start) + "-" + std::to_string(ins.range.end) + ":";
    for (const auto &f : ins.flags) out += "[" + f.raw + "]";
    for (const auto &a : ins.args) out += "<" + a.value + ">";
    for (const auto &h : ins.heredocs) out += "{" + h.name + ":" + h.content + "}";
    out += "\n";
  }
  for (const auto &p : doc.problems()) out += "problem " + p.message + "\n";
  return out;
}

TSPoint point(const msm::syntax::Document &doc, uint32_t byte) {
  uint32_t line = doc.lines().line_of(byte);
  return {line - 1, byte - doc.lines().line_start(line)};
}

}  // namespace

TEST_CASE("Document::reparse equals a parse from scratch after random edits") {
  const std::string bases[] = {
      "# syntax=docker/dockerfile:1\n# escape=\\\nARG V=1\nFROM alpine:${V} AS build\n"
      "RUN apk add \\\n    curl \\\n    git\nCOPY <<EOF /etc/x\nline one\nEOF\n"
      "RUN <<-SH bash\n\tset -e\n\techo hi\n\tSH\nFROM scratch\nCOPY --from=build /a /b\nCMD [\"/b\"]\n",
      "FROM debian:12\n# comment\nENV A=1 \\\n    B=2\nLABEL x=\"y z\"\nEXPOSE 80/tcp\nHEALTHCHECK CMD curl -f http://x || exit 1\n"
      "ONBUILD RUN echo hi\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo a && \\\n  echo b\n",
  };
  const std::string alphabet = "\\\n #<EOFRUN\"[]=-\tax$`";
  std::mt19937 rng(12345);
  for (const auto &base : bases) {
    auto doc = msm::syntax::Document::parse(base, "Dockerfile");
    for (int step = 0; step < 300; ++step) {
      const std::string &text = doc->source();
      std::uniform_int_distribution<size_t> where(0, text.size());
      uint32_t start = static_cast<uint32_t>(where(rng));
      uint32_t end = std::min<uint32_t>(static_cast<uint32_t>(text.size()), start + static_cast<uint32_t>(rng() % 4));
      std::string inserted;
      for (size_t n = rng() % 4; n > 0; --n) inserted.push_back(alphabet[rng() % alphabet.size()]);
      std::string next = text;
      next.replace(start, end - start, inserted);
      TSInputEdit e{};
      e.start_byte = start;
      e.old_end_byte = end;
      e.new_end_byte = start + static_cast<uint32_t>(inserted.size());
      e.start_point = point(*doc, start);
      e.old_end_point = point(*doc, end);
      auto scratch = msm::syntax::Document::parse(next, "Dockerfile");
      e.new_end_point = point(*scratch, e.new_end_byte);
      auto incremental = msm::syntax::Document::reparse(*doc, next, {e});
      INFO("step " << step << "\n" << next);
      REQUIRE(tree_string(*incremental) == tree_string(*scratch));
      REQUIRE(model_string(*incremental) == model_string(*scratch));
      doc = std::move(incremental);
    }
  }
}
