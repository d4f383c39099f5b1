#include "executor/digest.h"

#include <openssl/evp.h>

#include "util/error.h"

namespace msm::executor {

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new()) {
  if (!m_ctx || EVP_DigestInit_ex(static_cast<EVP_MD_CTX *>(m_ctx), EVP_sha256(), nullptr) != 1) {
    throw Error("cannot initialise sha256 (OpenSSL)");
  }
}

Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX *>(m_ctx)); }

void Sha256::update(const void *data, size_t size) {
  if (size) EVP_DigestUpdate(static_cast<EVP_MD_CTX *>(m_ctx), data, size);
}

std::string Sha256::hex() {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX *>(m_ctx), md, &len);
  static const char *k_digits = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out += k_digits[md[i] >> 4];
    out += k_digits[md[i] & 15];
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  Sha256 h;
  h.update(data);
  return h.hex();
}

bool is_hex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string digest_hex(std::string_view digest) {
  std::string_view rest = digest;
  if (rest.starts_with("sha256:")) rest.remove_prefix(7);
  if (!is_hex64(rest)) throw Error("not a sha256 digest: '" + std::string(digest) + "'");
  return std::string(rest);
}

}  // namespace msm::executor
