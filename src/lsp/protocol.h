#pragma once
// The wire side of the language server: JSON-RPC 2.0 messages framed by `Content-Length`
// headers (LSP's base protocol), the error codes, and the conversions between LSP positions
// (0-based line, UTF-16 code units) and byte offsets, and between file URIs and paths.

#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "syntax/line_index.h"

namespace msm::lsp {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  k_parse_error = -32700,
  k_invalid_request = -32600,
  k_method_not_found = -32601,
  k_invalid_params = -32602,
  k_internal_error = -32603,
  k_server_not_initialized = -32002,
  k_request_cancelled = -32800,
  k_request_failed = -32803,
};

// A body larger than this is skipped unread (with a JSON-RPC error), so a broken or hostile
// client cannot make the server allocate without bound. Documents of tens of MB still fit.
inline constexpr size_t k_max_message_bytes = 256u << 20;

// One framed message read from the stream.
struct Frame {
  enum class Kind { Message, BadHeader, TooLarge, End } kind = Kind::End;
  std::string body;    // Message: the JSON text
  std::string detail;  // BadHeader/TooLarge: what was wrong, for the error's message
};

// Reads `Content-Length: N\r\n[other headers]\r\n\r\n<N bytes>` frames. A header block without a
// usable Content-Length yields BadHeader and reading continues with the next block, so junk
// between messages costs one error, not the session. Header lines are capped in length.
class FrameReader {
 public:
  explicit FrameReader(std::istream &in) : m_in(in) {}
  Frame next();

 private:
  bool read_line(std::string &line);  // false at end of stream
  std::istream &m_in;
};

// Writes one framed message (serialised JSON, invalid UTF-8 replaced).
void write_frame(std::ostream &out, const json &message);

json error_response(const json &id, int code, const std::string &message);

// LSP Position {line, character (UTF-16 units)} <-> byte offset in `source`. Positions past a
// line's end clamp to it; lines past the end clamp to the end of the text.
uint32_t byte_offset(std::string_view source, const syntax::LineIndex &lines, uint32_t line, uint32_t character);
json position_json(const syntax::LineIndex &lines, uint32_t byte);
json range_json(const syntax::LineIndex &lines, uint32_t start, uint32_t end);

// file:///a%20b/Dockerfile <-> /a b/Dockerfile. nullopt for other schemes (untitled:, ...).
std::optional<std::string> uri_to_path(std::string_view uri);
std::string path_to_uri(std::string_view path);

}  // namespace msm::lsp
