// Suppression comments, read by lint/suppression for both the engine and the language server.

#include <doctest/doctest.h>

#include "lint/suppression.h"

using namespace msm::lint;

TEST_CASE("suppression: inline ignore comments, both spellings, any case, trailing note") {
  auto sup = parse_suppression_comment(" hadolint ignore=DL3008, DL3015 # pinned upstream");
  REQUIRE(sup);
  CHECK(sup->kind == SuppressionKind::NextInstruction);
  CHECK(sup->tool == "hadolint");
  CHECK(sup->names == std::vector<std::string>{"DL3008", "DL3015"});
  // After `DL3015`, before the blank and the note: where the language server appends a code.
  CHECK(sup->list_end == std::string_view(" hadolint ignore=DL3008, DL3015").size());

  auto upper = parse_suppression_comment("MSMigrate IGNORE = stage-name-casing\r");
  REQUIRE(upper);
  CHECK(upper->tool == "msmigrate");
  CHECK(upper->names == std::vector<std::string>{"stage-name-casing"});
  CHECK(upper->list_end == std::string_view("MSMigrate IGNORE = stage-name-casing").size());
}

TEST_CASE("suppression: global ignores cover the file") {
  auto sup = parse_suppression_comment(" msmigrate global ignore=MSM1012");
  REQUIRE(sup);
  CHECK(sup->kind == SuppressionKind::File);
  CHECK(sup->names == std::vector<std::string>{"MSM1012"});
  CHECK(is_ignore_pragma(" msmigrate global ignore=MSM1012"));
}

TEST_CASE("suppression: BuildKit's check=skip is file policy, not an ignore pragma") {
  auto sup = parse_suppression_comment(" check=skip=StageNameCasing,FromAsCasing;error=true");
  REQUIRE(sup);
  CHECK(sup->kind == SuppressionKind::BuildkitSkip);
  CHECK(sup->tool.empty());
  CHECK(sup->names == std::vector<std::string>{"StageNameCasing", "FromAsCasing"});
  CHECK_FALSE(is_ignore_pragma(" check=skip=StageNameCasing"));
  CHECK(check_error_flag("skip=all; error=TRUE"));
  CHECK_FALSE(check_error_flag("skip=all;error=truthy"));
  CHECK(check_skip_names("error=true") == std::nullopt);
}

TEST_CASE("suppression: comments that are not suppressions") {
  for (const char *text : {" just a note about hadolint", " hadolint ignore DL3008", " msmigrate global", " check=error=true",
                           " hadolint disable=DL3008"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_suppression_comment(text));
    CHECK_FALSE(is_ignore_pragma(text));
  }
}
