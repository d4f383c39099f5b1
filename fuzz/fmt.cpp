// Fuzz target: `msmigrate fmt`.
// Properties: a file fmt accepts keeps BuildKit's reading (tests/e2e/lib/buildkit_same.py's
// comparison: everything but `original` of known instructions, keyword case and FROM's `AS`,
// and the joined lines quoted in warnings), and formatting the result again changes nothing.

#include <algorithm>

#include "formatter/format.h"
#include "fuzz_support.h"
#include "syntax/buildkit_json.h"
#include "syntax/document.h"
#include "util/error.h"

namespace {

using nlohmann::ordered_json;

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c); });
  return s;
}

bool known(const std::string &keyword) {
  static const char *const k_known[] = {"ADD",   "ARG",        "CMD",     "COPY", "ENTRYPOINT", "ENV",
                                        "EXPOSE", "FROM",      "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD",
                                        "RUN",   "SHELL",      "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"};
  return std::find(std::begin(k_known), std::end(k_known), keyword) != std::end(k_known);
}

ordered_json fold(ordered_json node) {
  std::string keyword = upper(node["value"].get<std::string>());
  if (known(keyword)) node.erase("original");
  node["value"] = keyword;
  auto &next = node["next"];
  if (!next.empty() && next[0].is_object()) {
    next[0] = fold(next[0]);
  } else if (keyword == "FROM" && next.size() == 3 && upper(next[1].get<std::string>()) == "AS") {
    next[1] = "AS";
  }
  return node;
}

ordered_json buildkit_view(const std::string &text) {
  auto doc = msm::syntax::Document::parse(text, "Dockerfile");
  ordered_json j = msm::syntax::to_buildkit_json(*doc);
  ordered_json view;
  view["escape"] = j["escape"];
  auto &warnings = view["warnings"] = ordered_json::array();
  for (const auto &w : j["warnings"]) {
    std::string s = w.get<std::string>();
    warnings.push_back(s.substr(0, s.find(':')));
  }
  auto &children = view["children"] = ordered_json::array();
  for (const auto &c : j["children"]) children.push_back(fold(c));
  return view;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace msm;
  std::string source = fuzz::text_of(data, size);
  formatter::Result first;
  try {
    first = formatter::format_source(source, "Dockerfile", formatter::Options{});
  } catch (const Error &) {
    return 0;  // a refusal ("cannot format: ...") is an answer
  }
  if (!first.changed) return 0;
  ordered_json before = buildkit_view(source);
  ordered_json after = buildkit_view(first.text);
  MSM_FUZZ_CHECK(before == after, "BuildKit's view changed:\n" + source + "\n--- formatted ---\n" + first.text +
                                      "\n--- before ---\n" + before.dump() + "\n--- after ---\n" + after.dump());
  formatter::Result second = formatter::format_source(first.text, "Dockerfile", formatter::Options{});
  MSM_FUZZ_CHECK(!second.changed, "formatting twice changed the text:\n" + first.text + "\n---\n" + second.text);
  return 0;
}
