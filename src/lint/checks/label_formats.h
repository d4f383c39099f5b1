#pragma once
// Value formats of hadolint's `label-schema` types (url, rfc3339, spdx, hash, semver, email),
// shared by DL3052-DL3058 and unit-tested on their own.

#include <string_view>

namespace msm::lint::checks {

bool is_url(std::string_view v);          // scheme://host[...]
bool is_rfc3339(std::string_view v);      // 2024-05-01T12:00:00Z, with offset or fraction
bool is_spdx_expression(std::string_view v);  // MIT, Apache-2.0 OR MIT, GPL-2.0-only WITH ..., LicenseRef-x
bool is_spdx_license_id(std::string_view v);
bool is_git_hash(std::string_view v);     // 7-40 hex digits (abbreviated or full SHA-1), or 64 (SHA-256)
bool is_semver(std::string_view v);       // Semantic Versioning 2.0.0, no leading `v`
bool is_email(std::string_view v);        // local@domain.tld

}  // namespace msm::lint::checks
