// Lexical paths: BuildKit's in-root clamping for the builder, kept `..` for host paths.

#include <doctest/doctest.h>

#include "util/path.h"

using namespace msm::util;
using Parts = std::vector<std::string>;

TEST_CASE("path_segments: clamped at the root, or keeping leading ..") {
  CHECK(path_segments("/a/./b//c/", DotDot::ClampAtRoot) == Parts{"a", "b", "c"});
  CHECK(path_segments("../../etc/passwd", DotDot::ClampAtRoot) == Parts{"etc", "passwd"});
  CHECK(path_segments("a/../../b", DotDot::ClampAtRoot) == Parts{"b"});
  CHECK(path_segments("../../x/..", DotDot::Keep) == Parts{"..", ".."});
  CHECK(path_segments("a/../../b", DotDot::Keep) == Parts{"..", "b"});
  CHECK(path_segments("", DotDot::Keep).empty());
}

TEST_CASE("normalize_path and join_path") {
  CHECK(normalize_path("/a/../../b/") == "/b");
  CHECK(normalize_path("/..") == "/");
  CHECK(normalize_path("./a/./b") == "a/b");
  CHECK(normalize_path("../a") == "../a");
  CHECK(normalize_path("a/..") == ".");
  CHECK(normalize_path("") == ".");
  CHECK(join_path("/src", "out/app") == "/src/out/app");
  CHECK(join_path("/src", "/abs") == "/abs");
  CHECK(join_path("proj", "../bin") == "bin");
}
