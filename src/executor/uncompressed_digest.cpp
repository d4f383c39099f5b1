#include "executor/uncompressed_digest.h"

#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <vector>

#include "executor/digest.h"
#include "util/error.h"

namespace msm::executor {

namespace {
constexpr unsigned char k_gzip_magic[] = {0x1f, 0x8b};
constexpr unsigned char k_zstd_magic[] = {0x28, 0xb5, 0x2f, 0xfd};
constexpr size_t k_magic_size = sizeof(k_zstd_magic);
constexpr size_t k_out_size = 256 * 1024;
}  // namespace

struct UncompressedDigest::State {
  enum class Format { Unknown, Plain, Gzip, Zstd } format = Format::Unknown;
  std::string head;  // the first bytes, until the format is known
  Sha256 hash;
  uint64_t size = 0;
  z_stream gzip{};
  bool gzip_open = false;
  bool gzip_member_ended = false;  // the last member ended; more bytes start another (gzip allows it)
  ZSTD_DCtx *zstd = nullptr;
  size_t zstd_pending = 0;  // ZSTD_decompressStream's hint: 0 once a frame is complete
  std::vector<unsigned char> out = std::vector<unsigned char>(k_out_size);

  ~State() {
    if (gzip_open) inflateEnd(&gzip);
    if (zstd) ZSTD_freeDCtx(zstd);
  }

  void emit(const unsigned char *data, size_t n) {
    hash.update(data, n);
    size += n;
  }

  void start(const char *first, size_t n) {
    if (n >= 2 && std::memcmp(first, k_gzip_magic, 2) == 0) {
      format = Format::Gzip;
      if (inflateInit2(&gzip, 16 + MAX_WBITS) != Z_OK) throw Error("cannot initialise zlib");
      gzip_open = true;
    } else if (n >= 4 && std::memcmp(first, k_zstd_magic, 4) == 0) {
      format = Format::Zstd;
      zstd = ZSTD_createDCtx();
      if (!zstd) throw Error("cannot initialise zstd");
    } else {
      format = Format::Plain;
    }
  }

  void feed(const unsigned char *data, size_t n) {
    switch (format) {
      case Format::Plain: emit(data, n); return;
      case Format::Gzip: feed_gzip(data, n); return;
      case Format::Zstd: feed_zstd(data, n); return;
      case Format::Unknown: return;
    }
  }

  void feed_gzip(const unsigned char *data, size_t n) {
    gzip.next_in = const_cast<unsigned char *>(data);
    gzip.avail_in = static_cast<uInt>(n);
    for (;;) {
      if (gzip_member_ended) {
        if (gzip.avail_in == 0) return;
        inflateReset(&gzip);  // another member follows (gzip allows several; pigz writes them)
        gzip_member_ended = false;
      }
      gzip.next_out = out.data();
      gzip.avail_out = static_cast<uInt>(out.size());
      int rc = inflate(&gzip, Z_NO_FLUSH);
      emit(out.data(), out.size() - gzip.avail_out);
      if (rc == Z_STREAM_END) {
        gzip_member_ended = true;
        continue;
      }
      if (rc != Z_OK && rc != Z_BUF_ERROR) {
        throw Error(std::string("the gzip data is corrupt (") + (gzip.msg ? gzip.msg : "zlib error " + std::to_string(rc)) + ")");
      }
      // Done when the input is used up and the output buffer was not filled (nothing held back).
      if (gzip.avail_in == 0 && gzip.avail_out != 0) return;
    }
  }

  void feed_zstd(const unsigned char *data, size_t n) {
    ZSTD_inBuffer in{data, n, 0};
    for (;;) {
      ZSTD_outBuffer o{out.data(), out.size(), 0};
      size_t rc = ZSTD_decompressStream(zstd, &o, &in);
      if (ZSTD_isError(rc)) throw Error(std::string("the zstd data is corrupt (") + ZSTD_getErrorName(rc) + ")");
      emit(out.data(), o.pos);
      zstd_pending = rc;
      // Done when the input is used up and the output buffer was not filled (nothing held back).
      if (in.pos == in.size && o.pos < o.size) return;
    }
  }
};

UncompressedDigest::UncompressedDigest() : m_state(std::make_unique<State>()) {}
UncompressedDigest::~UncompressedDigest() = default;

void UncompressedDigest::update(const char *data, size_t size) {
  State &s = *m_state;
  if (s.format == State::Format::Unknown) {
    s.head.append(data, size);
    if (s.head.size() < k_magic_size) return;
    s.start(s.head.data(), s.head.size());
    std::string head = std::move(s.head);
    s.head.clear();
    s.feed(reinterpret_cast<const unsigned char *>(head.data()), head.size());
    return;
  }
  s.feed(reinterpret_cast<const unsigned char *>(data), size);
}

std::string UncompressedDigest::finish() {
  State &s = *m_state;
  if (s.format == State::Format::Unknown) {  // fewer bytes than a magic number: no compression fits
    s.start(s.head.data(), s.head.size());
    s.feed(reinterpret_cast<const unsigned char *>(s.head.data()), s.head.size());
  }
  if (s.format == State::Format::Gzip && !s.gzip_member_ended) throw Error("the gzip data ends before its end marker");
  if (s.format == State::Format::Zstd && s.zstd_pending != 0) throw Error("the zstd data ends in the middle of a frame");
  return "sha256:" + s.hash.hex();
}

uint64_t UncompressedDigest::uncompressed_size() const { return m_state->size; }

}  // namespace msm::executor
