#include "lsp/protocol.h"

#include <algorithm>
#include <charconv>

#include "util/escape.h"

namespace msm::lsp {

namespace {

// Longer header lines are junk: their excess is dropped rather than buffered.
constexpr size_t k_max_header_line = 8192;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool FrameReader::read_line(std::string &line) {
  line.clear();
  std::streambuf *buf = m_in.rdbuf();
  for (;;) {
    int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      m_in.setstate(std::ios::eofbit);
      return !line.empty();
    }
    if (c == '\n') break;
    if (line.size() < k_max_header_line) line.push_back(static_cast<char>(c));
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

Frame FrameReader::next() {
  size_t length = 0;
  bool has_length = false;
  std::string problem;
  bool any_header = false;
  std::string line;
  for (;;) {
    if (!read_line(line)) return {Frame::Kind::End, {}, {}};
    if (line.empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    size_t colon = line.find(':');
    if (colon == std::string::npos) {
      problem = "malformed header line (no ':')";
      continue;
    }
    if (!iequals(trim(std::string_view(line).substr(0, colon)), "content-length")) continue;
    std::string_view value = trim(std::string_view(line).substr(colon + 1));
    size_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
      problem = "invalid Content-Length header: " + std::string(value.substr(0, 40));
      has_length = false;
      continue;
    }
    length = n;
    has_length = true;
  }
  if (!has_length) return {Frame::Kind::BadHeader, {}, problem.empty() ? "missing Content-Length header" : problem};
  if (length > k_max_message_bytes) {
    m_in.ignore(static_cast<std::streamsize>(length));
    return {Frame::Kind::TooLarge, {},
            "message of " + std::to_string(length) + " bytes exceeds the limit of " +
                std::to_string(k_max_message_bytes) + " bytes"};
  }
  Frame frame{Frame::Kind::Message, std::string(length, '\0'), {}};
  m_in.read(frame.body.data(), static_cast<std::streamsize>(length));
  if (static_cast<size_t>(m_in.gcount()) < length) return {Frame::Kind::End, {}, {}};
  return frame;
}

void write_frame(std::ostream &out, const json &message) {
  std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

json error_response(const json &id, int code, const std::string &message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

uint32_t byte_offset(std::string_view source, const syntax::LineIndex &lines, uint32_t line, uint32_t character) {
  if (line >= lines.line_count()) return static_cast<uint32_t>(source.size());
  size_t b = lines.line_start(line + 1);
  uint32_t units = 0;
  while (b < source.size() && source[b] != '\n' && units < character) {
    auto c = static_cast<unsigned char>(source[b]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    units += len == 4 ? 2 : 1;  // UTF-16 needs a surrogate pair beyond the BMP
    b = std::min(b + len, source.size());
  }
  return static_cast<uint32_t>(b);
}

json position_json(const syntax::LineIndex &lines, uint32_t byte) {
  return {{"line", lines.line_of(byte) - 1}, {"character", lines.utf16_column(byte)}};
}

json range_json(const syntax::LineIndex &lines, uint32_t start, uint32_t end) {
  return {{"start", position_json(lines, start)}, {"end", position_json(lines, end)}};
}

std::optional<std::string> uri_to_path(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.size() < scheme.size() || !iequals(uri.substr(0, scheme.size()), scheme)) return std::nullopt;
  uri.remove_prefix(scheme.size());
  size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  uri.remove_prefix(slash);  // an authority ("localhost") names this machine
  std::string path;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 && hex_value(uri[i + 2]) >= 0) {
      path.push_back(static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2])));
      i += 2;
    } else {
      path.push_back(uri[i]);
    }
  }
  return path;
}

std::string path_to_uri(std::string_view path) { return "file://" + util::percent_encode(path, "/"); }

}  // namespace msm::lsp
