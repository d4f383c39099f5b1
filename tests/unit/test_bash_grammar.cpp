// tree-sitter-bash (from the npm registry) loads in Debian's tree-sitter runtime.

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include <tree_sitter/api.h>

extern "C" const TSLanguage *tree_sitter_bash(void);

TEST_CASE("tree-sitter-bash parses a RUN body with Debian's runtime") {
  TSParser *parser = ts_parser_new();
  REQUIRE(ts_parser_set_language(parser, tree_sitter_bash()));
  std::string script = "apt-get update && apt-get install -y gcc | tee log";
  TSTree *tree = ts_parser_parse_string(parser, nullptr, script.data(), static_cast<uint32_t>(script.size()));
  TSNode root = ts_tree_root_node(tree);
  CHECK_FALSE(ts_node_has_error(root));
  char *s = ts_node_string(root);
  std::string text = s;
  free(s);
  CHECK(text.find("(list (command") != std::string::npos);
  CHECK(text.find("(pipeline") != std::string::npos);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
}
