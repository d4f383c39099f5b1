#pragma once
// Streaming sha256 (OpenSSL EVP) for blob digests, DiffIDs, cache keys and image IDs.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace msm::executor {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256 &) = delete;
  Sha256 &operator=(const Sha256 &) = delete;
  void update(const void *data, size_t size);
  void update(std::string_view text) { update(text.data(), text.size()); }
  std::string hex();  // finalises; call once

 private:
  void *m_ctx;
};

std::string sha256_hex(std::string_view data);
// "sha256:<hex>"
inline std::string sha256_digest(std::string_view data) { return "sha256:" + sha256_hex(data); }
// Strips "sha256:" and checks the rest is 64 lower-case hex digits; throws msm::Error otherwise.
std::string digest_hex(std::string_view digest);
bool is_hex64(std::string_view s);

}  // namespace msm::executor
