#pragma once
// Escaping text for markup: checkstyle's XML and verify's HTML report share one function, since
// text escaped for XML 1.0 (attributes included) is also safe in HTML.
#include <string>
#include <string_view>

namespace msm::util {

// &, <, >, " and ' as entities, a newline as &#10; (so attribute values keep it), and the other
// control characters XML 1.0 forbids even as references replaced by a space (tab kept).
std::string escape_markup(std::string_view text);

}  // namespace msm::util
