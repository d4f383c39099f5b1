// The edit applier and unified diffs.

#include <doctest/doctest.h>

#include "edit/edit.h"

using namespace msm::edit;

TEST_CASE("apply_edits: sorted application, insertions, refusal of overlaps and bad ranges") {
  CHECK(apply_edits("FROM debian\n", {{11, 11, ":12"}}) == std::optional<std::string>("FROM debian:12\n"));
  CHECK(apply_edits("abc", {{2, 3, "C"}, {0, 1, "A"}}) == std::optional<std::string>("AbC"));
  CHECK_FALSE(apply_edits("abc", {{0, 2, "x"}, {1, 3, "y"}}).has_value());
  CHECK_FALSE(apply_edits("abc", {{2, 9, "x"}}).has_value());
}

TEST_CASE("apply_fixes: an overlapping fix is skipped for the next round") {
  std::vector<Fix> fixes = {
      {"first", Applicability::Safe, {{0, 4, "COPY"}}},
      {"clash", Applicability::Safe, {{2, 6, "x"}}},
      {"later", Applicability::Safe, {{8, 9, "Y"}}},
  };
  ApplyResult r = apply_fixes("ADD a b\ny\n", fixes);
  CHECK(r.text == "COPYa b\nY\n");
  CHECK(r.applied == 2);
  CHECK(r.skipped == std::vector<size_t>{1});
}

TEST_CASE("unified_diff: hunks with context, nothing for equal texts") {
  CHECK(unified_diff("a\n", "a\n", "x", "y").empty());
  std::string d = unified_diff("FROM a\nRUN b\nCMD c\n", "FROM a\nRUN B\nCMD c\n", "a/Dockerfile", "b/Dockerfile");
  CHECK(d == "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,3 +1,3 @@\n FROM a\n-RUN b\n+RUN B\n CMD c\n");
  std::string eof = unified_diff("x", "y", "a", "b");
  CHECK(eof.find("\\ No newline at end of file") != std::string::npos);
}
