// Editor queries (grammar/queries/*.scm) compile against the grammar and capture what they claim.

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "syntax/document.h"

namespace {

std::string read(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TSQuery *compile(const std::string &source) {
  uint32_t error_offset = 0;
  TSQueryError error = TSQueryErrorNone;
  TSQuery *q = ts_query_new(msm::syntax::tree_sitter_dockerfile(), source.data(),
                            static_cast<uint32_t>(source.size()), &error_offset, &error);
  if (!q) FAIL("query error " << static_cast<int>(error) << " at byte " << error_offset);
  return q;
}

}  // namespace

TEST_CASE("highlights.scm and injections.scm compile; highlights capture keywords, comments and JSON strings") {
  std::string dir = std::string(MSM_SOURCE_DIR) + "/grammar/queries/";
  ts_query_delete(compile(read(dir + "injections.scm")));
  TSQuery *q = compile(read(dir + "highlights.scm"));
  auto doc = msm::syntax::Document::parse("# c\nFROM a AS b\nCMD [\"x\"]\n");
  TSQueryCursor *cursor = ts_query_cursor_new();
  ts_query_cursor_exec(cursor, q, doc->root());
  std::set<std::string> captured;
  TSQueryMatch match;
  uint32_t index = 0;
  while (ts_query_cursor_next_capture(cursor, &match, &index)) {
    uint32_t length = 0;
    const char *name = ts_query_capture_name_for_id(q, match.captures[index].index, &length);
    captured.insert(std::string(name, length) + "=" +
                    std::string(doc->text({ts_node_start_byte(match.captures[index].node),
                                           ts_node_end_byte(match.captures[index].node)})));
  }
  CHECK(captured.count("keyword=FROM"));
  CHECK(captured.count("keyword=AS"));
  CHECK(captured.count("comment=# c"));
  CHECK(captured.count("label=b"));
  CHECK(captured.count("string=\"x\""));
  ts_query_cursor_delete(cursor);
  ts_query_delete(q);
}
