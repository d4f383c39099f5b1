#include "analysis/image_ref.h"

namespace msm::analysis {

ImageRef parse_image_ref(std::string_view reference) {
  ImageRef ref;
  if (size_t at = reference.find('@'); at != std::string_view::npos) {
    ref.digest = std::string(reference.substr(at + 1));
    reference = reference.substr(0, at);
  }
  // A tag's colon comes after the last slash; an earlier colon is a registry port.
  size_t slash = reference.rfind('/');
  size_t colon = reference.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    ref.tag = std::string(reference.substr(colon + 1));
    reference = reference.substr(0, colon);
  }
  if (size_t first = reference.find('/'); first != std::string_view::npos) {
    std::string_view head = reference.substr(0, first);
    if (head.find_first_of(".:") != std::string_view::npos || head == "localhost") {
      ref.registry = std::string(head);
      reference = reference.substr(first + 1);
    }
  }
  ref.repository = std::string(reference);
  return ref;
}

}  // namespace msm::analysis
