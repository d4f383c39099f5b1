// The DiffID a pull computes while a layer streams in: the same as sha256 of the decompressed
// bytes, however the stream is cut into pieces, for gzip (one or several members), zstd and a
// plain tar; a cut-short or corrupt stream is an error.
#include <doctest/doctest.h>

#include <zlib.h>
#include <zstd.h>

#include <string>

#include "executor/digest.h"
#include "executor/uncompressed_digest.h"
#include "util/error.h"

using msm::executor::UncompressedDigest;

namespace {

std::string gzip(const std::string &data) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef *>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string zstd(const std::string &data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  REQUIRE_FALSE(ZSTD_isError(n));
  out.resize(n);
  return out;
}

// Some bytes that compress, and some that do not, bigger than the decoder's output buffer.
std::string sample() {
  std::string s;
  for (int i = 0; i < 200000; ++i) s += "line " + std::to_string(i) + "\n";
  uint32_t x = 12345;
  for (int i = 0; i < 300000; ++i) {
    x = x * 1103515245 + 12345;
    s += static_cast<char>(x >> 24);
  }
  return s;
}

std::string digest_in_pieces(const std::string &blob, size_t piece) {
  UncompressedDigest d;
  for (size_t i = 0; i < blob.size(); i += piece) d.update(blob.data() + i, std::min(piece, blob.size() - i));
  return d.finish();
}

}  // namespace

TEST_CASE("uncompressed digest: gzip, several gzip members, zstd and plain, in any pieces") {
  std::string data = sample();
  std::string want = msm::executor::sha256_digest(data);
  std::string half1 = data.substr(0, data.size() / 2), half2 = data.substr(data.size() / 2);
  for (size_t piece : {size_t{1} << 20, size_t{4096}, size_t{3}}) {
    CAPTURE(piece);
    CHECK(digest_in_pieces(gzip(data), piece) == want);
    CHECK(digest_in_pieces(gzip(half1) + gzip(half2), piece) == want);  // pigz-style members
    CHECK(digest_in_pieces(zstd(data), piece) == want);
    CHECK(digest_in_pieces(zstd(half1) + zstd(half2), piece) == want);  // several frames
    CHECK(digest_in_pieces(data, piece) == want);
  }
  UncompressedDigest sizes;
  std::string z = gzip(data);
  sizes.update(z.data(), z.size());
  sizes.finish();
  CHECK(sizes.uncompressed_size() == data.size());
  CHECK(digest_in_pieces("ab", 1) == msm::executor::sha256_digest("ab"));  // shorter than any magic
  CHECK(digest_in_pieces("", 1) == msm::executor::sha256_digest(""));
}

TEST_CASE("uncompressed digest: a cut-short or corrupt stream is an error") {
  std::string data = sample();
  std::string g = gzip(data), z = zstd(data);
  CHECK_THROWS_AS(digest_in_pieces(g.substr(0, g.size() - 10), 4096), msm::Error);
  CHECK_THROWS_AS(digest_in_pieces(z.substr(0, z.size() / 2), 4096), msm::Error);
  std::string bad = g;
  for (size_t i = 20; i < 60; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5a);
  CHECK_THROWS_AS(digest_in_pieces(bad, 4096), msm::Error);
}
