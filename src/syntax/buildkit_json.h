#pragma once
// The shape of BuildKit's own parse result (`children`, `escape`, `warnings`, `dump`), so our
// parse can be compared value for value with BuildKit's (../shared/corpus/buildkit/*.json).

#include <ostream>

#include <nlohmann/json.hpp>

#include "syntax/document.h"

namespace msm::syntax {

nlohmann::ordered_json to_buildkit_json(const Document &doc);
nlohmann::ordered_json to_buildkit_json(const Instruction &ins, bool nested = false);
std::string buildkit_dump(const Document &doc);
// Writes to_buildkit_json(doc) child by child, so huge files do not need the whole JSON tree
// in memory. Invalid UTF-8 becomes U+FFFD, as Go's encoder does.
void write_buildkit_json(std::ostream &out, const Document &doc);

}  // namespace msm::syntax
