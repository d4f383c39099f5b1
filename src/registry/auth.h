#pragma once
// Who we are to a registry: WWW-Authenticate challenges (RFC 7235), and the credentials users
// already have — podman's auth.json, Docker's config.json (`auths`, `credsStore`,
// `credHelpers` run as docker-credential-NAME), in the order containers/image reads them.
// Secrets stay in these structs: nothing here logs or formats one.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msm::registry {

struct Challenge {
  std::string scheme;                         // lower case: "bearer", "basic"
  std::map<std::string, std::string> params;  // lower-case names: realm, service, scope, error
};

// Every challenge of one or more WWW-Authenticate values; quoted values may hold commas.
std::vector<Challenge> parse_challenges(const std::vector<std::string> &headers);

struct Credential {
  std::string username;
  std::string password;
  std::string identity_token;  // an OAuth2 refresh token (config `identitytoken`, helper user <token>)
  std::string registry_token;  // sent as a bearer token as it is
  std::string source;          // the file or helper it came from, for messages
};

struct CredentialOptions {
  std::string auth_file;  // --authfile: only this file is read (REGISTRY_AUTH_FILE likewise)
};

// The credential key of a reference's domain: Docker Hub is "https://index.docker.io/v1/" to
// Docker's tools; everything else is host[:port].
std::string credential_key(std::string_view domain);

// The credentials for `domain` from the first file (or helper) that has some.
std::optional<Credential> find_credential(std::string_view domain, const CredentialOptions &options);

// The config file `login`/`logout` write: --authfile, REGISTRY_AUTH_FILE, else Docker's.
std::string login_file(const CredentialOptions &options);
// Stores (helper when the file names one for the host, else `auths`) or erases credentials;
// returns where they went. erase returns "" when there was nothing to remove.
std::string store_credential(std::string_view domain, const Credential &credential, const CredentialOptions &options);
std::string erase_credential(std::string_view domain, const CredentialOptions &options);

std::string base64_encode(std::string_view data);
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace msm::registry
