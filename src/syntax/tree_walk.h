#pragma once
// Walking tree-sitter trees in time linear in their size, for any tree-sitter language.
// ts_node_child(n, i) and ts_node_named_child(n, i) walk the children from the first one on
// every call, so a loop over i is quadratic in the number of children (a 600 KB line has
// hundreds of thousands); and recursion is as deep as the tree, which input controls.

#include <tree_sitter/api.h>

namespace msm::syntax {

// Calls f on every child (named and anonymous) of `parent`, in order.
template <typename F>
void for_each_child(TSNode parent, F &&f) {
  if (ts_node_child_count(parent) == 0) return;
  TSTreeCursor cursor = ts_tree_cursor_new(parent);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      f(ts_tree_cursor_current_node(&cursor));
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
}

// Calls f on every named child of `parent` (what ts_node_named_child(parent, 0..count) yields).
template <typename F>
void for_each_named_child(TSNode parent, F &&f) {
  for_each_child(parent, [&](TSNode child) {
    if (ts_node_is_named(child)) f(child);
  });
}

// Visits `root` and its descendants in document order without recursion. `visit(node)` returns
// whether to descend into the node's children.
template <typename F>
void walk_preorder(TSNode root, F &&visit) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (;;) {
    if (visit(ts_tree_cursor_current_node(&cursor)) && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!moved) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        moved = true;
      } else if (!ts_tree_cursor_goto_parent(&cursor)) {
        break;
      }
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
}

}  // namespace msm::syntax
