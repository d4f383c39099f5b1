#pragma once
// The DiffID of a layer blob while its compressed bytes stream in: gzip (every member) and zstd
// are decompressed on the fly, a plain tar is hashed as it is, chosen by the magic bytes as
// libarchive chooses when unpacking (not by the media type alone). A pull checks the result
// against the config's rootfs.diff_ids before the blob may enter the store.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace msm::executor {

class UncompressedDigest {
 public:
  UncompressedDigest();
  ~UncompressedDigest();
  UncompressedDigest(const UncompressedDigest &) = delete;
  UncompressedDigest &operator=(const UncompressedDigest &) = delete;

  // Compressed bytes, in order. Throws msm::Error when they do not decompress.
  void update(const char *data, size_t size);
  // "sha256:<hex>" of everything decompressed; throws msm::Error when the stream was cut short.
  std::string finish();
  uint64_t uncompressed_size() const;

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

}  // namespace msm::executor
