#pragma once
// Escaping text: for markup (checkstyle's XML and verify's HTML report share one function, since
// text escaped for XML 1.0, attributes included, is also safe in HTML) and for URIs.
#include <string>
#include <string_view>

namespace msm::util {

// &, <, >, " and ' as entities, a newline as &#10; (so attribute values keep it), and the other
// control characters XML 1.0 forbids even as references replaced by a space (tab kept).
std::string escape_markup(std::string_view text);

// Percent-encoding (RFC 3986): every byte but the unreserved characters (letters, digits,
// `-._~`) and those in ALSO_KEEP becomes %XX. Registry query values keep nothing more; file
// paths in URIs (SARIF, the language server) keep `/`.
std::string percent_encode(std::string_view text, std::string_view also_keep = {});

}  // namespace msm::util
